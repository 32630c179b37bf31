import dayjs from 'dayjs';
import type { HolidayKind } from '../../../generated/graphql.js';

/**
 * Reads a State Council holiday schedule pasted by an admin, one entry a line:
 *   2027-01-01 HOLIDAY 元旦
 *   2027-02-06 WORKDAY 春节调休
 *   2027-10-01~2027-10-07 休 国庆节      (a range expands to every day in it)
 * Kind may be HOLIDAY/WORKDAY or 休/班; fields are separated by spaces, tabs or commas; blank lines
 * and lines starting with # are ignored.
 */
export interface ParsedHolidayDay {
  line: number;
  date: string;
  kind: HolidayKind;
  name: string;
}

export type HolidayLineProblem = 'FORMAT' | 'DATE' | 'KIND' | 'NAME' | 'YEAR' | 'RANGE' | 'DUPLICATE';

export interface HolidayLineError {
  line: number;
  text: string;
  problem: HolidayLineProblem;
}

const KINDS: Record<string, HolidayKind> = {
  HOLIDAY: 'HOLIDAY',
  WORKDAY: 'WORKDAY',
  休: 'HOLIDAY',
  假: 'HOLIDAY',
  班: 'WORKDAY',
};

/** A range is at most a few weeks; a typo like 2027-01-01~2027-12-31 should not flood the table. */
const MAX_RANGE_DAYS = 31;

function normalizeDate(raw: string): string | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(raw);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return dayjs(iso).format('YYYY-MM-DD') === iso ? iso : null;
}

export function parseHolidayLines(text: string, year: number): { days: ParsedHolidayDay[]; errors: HolidayLineError[] } {
  const days: ParsedHolidayDay[] = [];
  const errors: HolidayLineError[] = [];
  const seen = new Map<string, number>();

  text.split(/\r?\n/).forEach((rawLine, i) => {
    const line = i + 1;
    const trimmed = rawLine.trim();
    if (!trimmed || trimmed.startsWith('#')) return;
    const fail = (problem: HolidayLineProblem) => errors.push({ line, text: trimmed, problem });

    const parts = trimmed.split(/[\s,，、]+/).filter(Boolean);
    if (parts.length < 2) return fail('FORMAT');
    const [when, kindRaw, ...nameParts] = parts as [string, string, ...string[]];
    const [fromRaw, toRaw, ...extra] = when.split(/~|～|至|--/);
    if (extra.length > 0) return fail('FORMAT');
    const from = normalizeDate(fromRaw!);
    const to = toRaw === undefined ? from : normalizeDate(toRaw);
    if (!from || !to) return fail('DATE');
    const kind = KINDS[kindRaw.toUpperCase()];
    if (!kind) return fail('KIND');
    const name = nameParts.join(' ').trim();
    if (!name) return fail('NAME');
    if (to < from || dayjs(to).diff(dayjs(from), 'day') >= MAX_RANGE_DAYS) return fail('RANGE');
    if (!from.startsWith(`${year}-`) || !to.startsWith(`${year}-`)) return fail('YEAR');

    const lineDays: string[] = [];
    for (let d = dayjs(from); !d.isAfter(dayjs(to)); d = d.add(1, 'day')) lineDays.push(d.format('YYYY-MM-DD'));
    if (lineDays.some((d) => seen.has(d))) return fail('DUPLICATE');
    for (const date of lineDays) {
      seen.set(date, line);
      days.push({ line, date, kind, name });
    }
  });

  days.sort((a, b) => a.date.localeCompare(b.date));
  return { days, errors };
}
