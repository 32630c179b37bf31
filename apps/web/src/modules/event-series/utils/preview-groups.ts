import type { AdjustmentReason, OccurrenceAdjustment } from '../../../generated/graphql.js';

export interface PreviewOccurrence {
  occurrenceKey: string;
  date: string;
  startsAt: string;
  endsAt: string;
  adjustment: OccurrenceAdjustment;
  holidayName: string | null;
  venueConflict: string | null;
  reason?: AdjustmentReason | null;
  mergedInto?: string | null;
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

/** Which way a moved date went: a date brought forward (提前) is not postponed (顺延). */
export function moveDirection(o: Pick<PreviewOccurrence, 'date' | 'occurrenceKey'>): 'EARLIER' | 'LATER' {
  return o.date < o.occurrenceKey ? 'EARLIER' : 'LATER';
}

/** Moved dates counted by direction, so the counts say what the labels say. */
export function countMoves(occurrences: readonly PreviewOccurrence[]): { earlier: number; later: number } {
  const moved = occurrences.filter((o) => o.adjustment === 'MOVED');
  const earlier = moved.filter((o) => moveDirection(o) === 'EARLIER').length;
  return { earlier, later: moved.length - earlier };
}

/** The translation key and values saying why a date moved or was dropped (e.g. the holiday it avoids). */
export function adjustmentReason(o: PreviewOccurrence): { key: string; values: Record<string, string> } | null {
  if (!o.reason) return null;
  return { key: `series:preview.reasons.${o.reason}`, values: { holiday: o.holidayName ?? '', date: o.mergedInto ?? '' } };
}
