import { describe, expect, it } from '@jest/globals';
import dayjs from 'dayjs';
import {
  formatShanghai,
  isIsoDate,
  formatTimeRange,
  instantToPicker,
  pickerToInstant,
  shanghaiDate,
  shanghaiInstant,
  shanghaiToday,
} from './shanghai-time.js';

describe('Shanghai time helpers', () => {
  it('shows instants on the Shanghai wall clock', () => {
    expect(formatShanghai('2027-03-03T01:30:00.000Z')).toBe('2027-03-03 09:30');
    // 17:00 UTC is already the next day in Linyi.
    expect(shanghaiDate('2027-03-02T17:00:00.000Z')).toBe('2027-03-03');
    expect(shanghaiToday(new Date('2027-12-31T16:30:00Z'))).toBe('2028-01-01');
  });

  it('turns a Shanghai date and time into a UTC instant', () => {
    expect(shanghaiInstant('2027-03-03', '09:30')).toBe('2027-03-03T01:30:00.000Z');
    expect(shanghaiInstant('2027-01-01')).toBe('2026-12-31T16:00:00.000Z');
  });

  it('round-trips picker values as Shanghai wall-clock time', () => {
    const picker = dayjs('2027-05-01T14:15');
    expect(pickerToInstant(picker)).toBe('2027-05-01T06:15:00.000Z');
    expect(instantToPicker('2027-05-01T06:15:00.000Z').format('YYYY-MM-DD HH:mm')).toBe('2027-05-01 14:15');
  });

  it('formats time ranges', () => {
    expect(formatTimeRange('2027-03-03T01:00:00Z', '2027-03-03T04:00:00Z')).toBe('09:00–12:00');
    expect(formatTimeRange('2027-03-03T01:00:00Z', '2027-03-04T04:00:00Z')).toBe('09:00 – 03-04 12:00');
  });
});

describe('isIsoDate', () => {
  it.each([
    ['2027-02-28', true],
    ['2028-02-29', true],
    ['2027-02-29', false],
    ['2027-13-01', false],
    ['2027-1-1', false],
    ['', false],
  ])('%s -> %s', (value, ok) => expect(isIsoDate(value)).toBe(ok));
});
