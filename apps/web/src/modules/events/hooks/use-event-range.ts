import { useApolloClient } from '@apollo/client/react';
import { useCallback, useEffect, useState } from 'react';
import { EventsInRangeDocument, type EventFilter, type EventSummaryFieldsFragment } from '../../../generated/graphql.js';

/** The most events `eventsInRange` gives for one view; past this many the view says it is incomplete. */
export const EVENT_RANGE_LIMIT = 500;

interface RangeState {
  events: EventSummaryFieldsFragment[];
  loading: boolean;
  error: unknown;
  /** More than EVENT_RANGE_LIMIT matched; only the first ones are shown. */
  truncated: boolean;
}

/** The variables of the one request a calendar view makes; the filter's from/to become the range. */
export function eventRangeVariables(filter: EventFilter) {
  const { from, to, ...rest } = filter;
  if (!from || !to) throw new Error('a calendar range needs from and to');
  return { from, to, filter: rest, take: EVENT_RANGE_LIMIT };
}

/**
 * Every event in a calendar range (a month grid is at most six weeks), in ONE request.
 * The previous range stays on screen until the new one has arrived, so views never flash empty.
 */
export function useEventRange(filter: EventFilter) {
  const client = useApolloClient();
  const key = JSON.stringify(filter);
  const [reloads, setReloads] = useState(0);
  const [state, setState] = useState<RangeState>({ events: [], loading: true, error: null, truncated: false });

  useEffect(() => {
    let cancelled = false;
    setState((s) => ({ ...s, loading: true, error: null }));
    void (async () => {
      try {
        const result = await client.query({
          query: EventsInRangeDocument,
          variables: eventRangeVariables(JSON.parse(key) as EventFilter),
          fetchPolicy: 'network-only',
        });
        if (result.error) throw result.error;
        const range = result.data!.eventsInRange;
        if (!cancelled) setState({ events: range.items, loading: false, error: null, truncated: range.truncated });
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
