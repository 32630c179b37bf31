import { useApolloClient } from '@apollo/client/react';
import { useCallback, useEffect, useState } from 'react';
import { EventsDocument, type EventFilter, type EventSummaryFieldsFragment } from '../../../generated/graphql.js';

/** The API's maximum page size for `events`. */
export const EVENT_PAGE_SIZE = 50;
/** A visible range rarely holds more than 200 events; past this many we stop and say so. */
export const EVENT_RANGE_LIMIT = 1000;

interface RangeState {
  events: EventSummaryFieldsFragment[];
  /** Events in the range according to the API. */
  total: number;
  /** Fetched so far in the load under way. */
  loaded: number;
  loading: boolean;
  error: unknown;
  /** More than EVENT_RANGE_LIMIT matched; only the first ones are shown. */
  truncated: boolean;
}

/**
 * Every event in a calendar range, fetched page by page (50 at a time, the API maximum) with progress.
 * The previous range stays on screen until the new one has fully arrived, so views never flash empty.
 */
export function useEventRange(filter: EventFilter) {
  const client = useApolloClient();
  const key = JSON.stringify(filter);
  const [reloads, setReloads] = useState(0);
  const [state, setState] = useState<RangeState>({ events: [], total: 0, loaded: 0, loading: true, error: null, truncated: false });

  useEffect(() => {
    let cancelled = false;
    const variables = JSON.parse(key) as EventFilter;
    const page = async (skip: number) => {
      const result = await client.query({
        query: EventsDocument,
        variables: { filter: variables, take: EVENT_PAGE_SIZE, skip },
        fetchPolicy: 'network-only',
      });
      if (result.error) throw result.error;
      return result.data!.events;
    };
    setState((s) => ({ ...s, loading: true, loaded: 0, error: null }));
    void (async () => {
      try {
        const first = await page(0);
        const total = first.total;
        const items = [...first.items];
        if (cancelled) return;
        setState((s) => ({ ...s, total, loaded: items.length }));
        const wanted = Math.min(total, EVENT_RANGE_LIMIT);
        for (let skip = EVENT_PAGE_SIZE; skip < wanted && !cancelled; skip += EVENT_PAGE_SIZE) {
          const next = await page(skip);
          // An event created meanwhile can shift pages by one; the id check keeps the list unique.
          for (const e of next.items) if (!items.some((x) => x.id === e.id)) items.push(e);
          if (next.items.length === 0) break;
          if (!cancelled) setState((s) => ({ ...s, loaded: items.length }));
        }
        if (!cancelled) {
          setState({ events: items, total, loaded: items.length, loading: false, error: null, truncated: total > EVENT_RANGE_LIMIT });
        }
      } catch (error) {
        if (!cancelled) setState((s) => ({ ...s, loading: false, error }));
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [client, key, reloads]);

  const refetch = useCallback(() => setReloads((n) => n + 1), []);
  return { ...state, refetch };
}
