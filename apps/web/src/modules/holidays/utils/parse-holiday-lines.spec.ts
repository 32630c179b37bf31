import { describe, expect, it } from '@jest/globals';
import { parseHolidayLines } from './parse-holiday-lines.js';

describe('parseHolidayLines', () => {
  it('reads English and Chinese kinds, in any separator, sorted by date', () => {
    const { days, errors } = parseHolidayLines(
      ['# 2027 年部分节假日安排', '2027-02-06 WORKDAY 春节调休', '', '2027-01-01 HOLIDAY 元旦', '2027/5/1\t休\t劳动节', '2027-09-26，班，国庆节调休'].join('\n'),
      2027,
    );
    expect(errors).toEqual([]);
    expect(days.map(({ date, kind, name }) => [date, kind, name])).toEqual([
      ['2027-01-01', 'HOLIDAY', '元旦'],
      ['2027-02-06', 'WORKDAY', '春节调休'],
      ['2027-05-01', 'HOLIDAY', '劳动节'],
      ['2027-09-26', 'WORKDAY', '国庆节调休'],
    ]);
  });

  it('expands a date range to every day in it', () => {
    const { days, errors } = parseHolidayLines('2027-10-01~2027-10-07 休 国庆节、中秋节', 2027);
    expect(errors).toEqual([]);
    expect(days).toHaveLength(7);
    expect(days[6]).toEqual({ line: 1, date: '2027-10-07', kind: 'HOLIDAY', name: '国庆节 中秋节' });
  });

  it('reports each bad line with its number and problem', () => {
    const { days, errors } = parseHolidayLines(
      [
        '2027-01-01 HOLIDAY 元旦',
        '元旦放假',
        '2027-02-30 休 春节',
        '2027-03-01 REST 植树',
        '2027-04-05 休',
        '2026-12-31 休 元旦',
        '2027-01-01 休 元旦',
        '2027-05-05~2027-05-01 休 劳动节',
      ].join('\n'),
      2027,
    );
    expect(days.map((d) => d.date)).toEqual(['2027-01-01']);
    expect(errors.map((e) => [e.line, e.problem])).toEqual([
      [2, 'FORMAT'],
      [3, 'DATE'],
      [4, 'KIND'],
      [5, 'NAME'],
      [6, 'YEAR'],
      [7, 'DUPLICATE'],
      [8, 'RANGE'],
    ]);
  });
});
