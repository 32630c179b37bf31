import { useQuery } from '@apollo/client/react';
import { PublicEventDocument, PublicEventsDocument, type EventFilter } from '../../../generated/graphql.js';
import { PUBLIC_PAGE_SIZE } from '../utils/public-params.js';

export function usePublicEvents(filter: EventFilter, page: number) {
  const result = useQuery(PublicEventsDocument, {
    variables: { filter, take: PUBLIC_PAGE_SIZE, skip: (page - 1) * PUBLIC_PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  const data = result.data ?? result.previousData;
  return {
    events: data?.events.items ?? [],
    total: data?.events.total ?? 0,
    loading: result.loading,
    firstLoad: result.loading && !data,
    error: result.error,
  };
}

export function usePublicEvent(id: string | undefined) {
  const result = useQuery(PublicEventDocument, { variables: { id: id ?? '' }, skip: !id, fetchPolicy: 'cache-and-network' });
  return { event: result.data?.event ?? null, loading: result.loading && !result.data, error: result.error };
}
