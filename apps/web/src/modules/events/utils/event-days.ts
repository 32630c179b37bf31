import { inShanghai, shanghaiDate } from './shanghai-time.js';

interface Timed {
  startsAt: string;
  endsAt: string;
}

/** Events by the Shanghai date they start on, each day in time order. */
export function groupEventsByDay<T extends Timed>(events: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const e of [...events].sort(byStart)) {
    const day = shanghaiDate(e.startsAt);
    const list = out.get(day);
    if (list) list.push(e);
    else out.set(day, [e]);
  }
  return out;
}

export function byStart(a: Timed, b: Timed): number {
  return a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : a.endsAt < b.endsAt ? -1 : a.endsAt > b.endsAt ? 1 : 0;
}

/** The 7 Shanghai dates of a week starting at `start`. */
export function weekDates(start: string): string[] {
  const first = inShanghai(`${start}T00:00:00+08:00`);
  return Array.from({ length: 7 }, (_, i) => first.add(i, 'day').format('YYYY-MM-DD'));
}
