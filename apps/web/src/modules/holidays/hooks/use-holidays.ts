import { useMutation, useQuery } from '@apollo/client/react';
import { HolidaysDocument, SetHolidaysDocument, type HolidayDayInput } from '../../../generated/graphql.js';

export function useHolidayYear(year: number) {
  const result = useQuery(HolidaysDocument, { variables: { year }, fetchPolicy: 'cache-and-network' });
  const data = result.data?.holidays.year === year ? result.data.holidays : null;
  return { holidays: data, loading: result.loading && !data, error: result.error };
}

/** Replaces the year's admin entries (built-in days are not touched); the returned year updates the cache. */
export function useSetHolidays() {
  const [mutate, state] = useMutation(SetHolidaysDocument);
  return {
    save: async (year: number, days: HolidayDayInput[]) => {
      const result = await mutate({
        variables: { year, days },
        update: (cache, { data }) => {
          if (data) cache.writeQuery({ query: HolidaysDocument, variables: { year }, data: { __typename: 'Query', holidays: data.setHolidays } });
        },
      });
      return result.data!.setHolidays;
    },
    saving: state.loading,
  };
}
