import type { EventFilter } from '../../common/measures/measures.js';

const list = (v: unknown): string[] | null => (Array.isArray(v) && v.length ? v.map(String) : null);

/**
 * The SQL condition of an event filter on `event e` (types, subtypes, co-hosts; empty = any), with
 * its parameters numbered from `first`. Shared by the events.completed measure, the cadence, the
 * events behind a number and the ledger, so all four count the same events.
 */
export function eventFilterSql(filter: Readonly<EventFilter>, first: number): { sql: string; params: unknown[] } {
  return {
    sql: `($${first}::text[] IS NULL OR e.type = ANY($${first}::text[]))
      AND ($${first + 1}::text[] IS NULL OR e.subtype = ANY($${first + 1}::text[]))
      AND ($${first + 2}::uuid[] IS NULL OR EXISTS (SELECT 1 FROM event_co_host c WHERE c.event_id = e.id AND c.co_host_id = ANY($${first + 2}::uuid[])))`,
    params: [list(filter.types), list(filter.subtypes), list(filter.coHostIds)],
  };
}

/** Whether a quota's parameters describe events (so the number clicks through to them). */
export const isEventFilter = (params: Readonly<Record<string, unknown>>): boolean => Array.isArray(params.types) && params.types.length > 0;
