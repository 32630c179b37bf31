import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { HolidaysDocument } from '../../../generated/graphql.js';
import { holidayMarks, yearsOfRange, type HolidayMark } from '../utils/holiday-marks.js';

/**
 * Holidays and adjusted working days of the dates [from, to) as a map by date. A calendar view spans
 * at most two years (42 days), so this asks `holidays(year)` for the first and, if needed, the second.
 */
export function useHolidayMarks(from: string, to: string): Map<string, HolidayMark> {
  const [first, second] = yearsOfRange(from, to);
  const a = useQuery(HolidaysDocument, { variables: { year: first! }, fetchPolicy: 'cache-first' });
  const b = useQuery(HolidaysDocument, { variables: { year: second ?? first! }, fetchPolicy: 'cache-first', skip: second === undefined });
  return useMemo(() => {
    const days = [...(a.data?.holidays.days ?? []), ...(second !== undefined ? (b.data?.holidays.days ?? []) : [])];
    return holidayMarks(days, from, to);
  }, [a.data, b.data, from, to, second]);
}
