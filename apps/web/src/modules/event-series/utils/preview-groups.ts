import type { OccurrenceAdjustment } from '../../../generated/graphql.js';

export interface PreviewOccurrence {
  occurrenceKey: string;
  date: string;
  startsAt: string;
  endsAt: string;
  adjustment: OccurrenceAdjustment;
  holidayName: string | null;
  venueConflict: string | null;
}

export interface PreviewMonth<T extends PreviewOccurrence> {
  /** YYYY-MM */
  month: string;
  occurrences: T[];
  /** Occurrences that will become events (not skipped). */
  held: number;
}

/**
 * Occurrences grouped by month for the wizard preview. A skipped one is listed under the month of its
 * rule date; a moved one under the month it moved to.
 */
export function groupPreviewByMonth<T extends PreviewOccurrence>(occurrences: readonly T[]): PreviewMonth<T>[] {
  const months = new Map<string, T[]>();
  const sorted = [...occurrences].sort((a, b) => shownDate(a).localeCompare(shownDate(b)));
  for (const o of sorted) {
    const key = shownDate(o).slice(0, 7);
    const list = months.get(key);
    if (list) list.push(o);
    else months.set(key, [o]);
  }
  return [...months].map(([month, list]) => ({
    month,
    occurrences: list,
    held: list.filter((o) => o.adjustment !== 'SKIPPED').length,
  }));
}

function shownDate(o: PreviewOccurrence): string {
  return o.adjustment === 'SKIPPED' ? o.occurrenceKey : o.date;
}

/** Held occurrences whose venue is already taken. */
export function venueClashes<T extends PreviewOccurrence>(occurrences: readonly T[]): T[] {
  return occurrences.filter((o) => o.adjustment !== 'SKIPPED' && !!o.venueConflict);
}
