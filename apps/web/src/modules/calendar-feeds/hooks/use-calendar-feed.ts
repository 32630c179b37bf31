import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { MyCalendarFeedDocument, RotateCalendarFeedTokenDocument } from '../../../generated/graphql.js';

/**
 * The signed-in user's private iCalendar feed. The server keeps only a hash of the link's secret, so
 * the URL exists only in the answer that issued it: it lives in this hook's state until the page is left.
 */
export function useMyCalendarFeed() {
  const result = useQuery(MyCalendarFeedDocument, { fetchPolicy: 'cache-and-network' });
  const [freshUrl, setFreshUrl] = useState<string | null>(null);
  const [rotate, rotateState] = useMutation(RotateCalendarFeedTokenDocument, {
    update: (cache, { data }) => {
      if (!data) return;
      const { active, issuedAt } = data.rotateCalendarFeedToken;
      cache.writeQuery({ query: MyCalendarFeedDocument, data: { __typename: 'Query', myCalendarFeed: { __typename: 'CalendarFeed', active, issuedAt } } });
    },
  });
  return {
    active: result.data?.myCalendarFeed.active ?? false,
    issuedAt: (result.data?.myCalendarFeed.issuedAt as string | null | undefined) ?? null,
    /** Only right after creating or rotating the link. */
    url: freshUrl,
    loading: result.loading && !result.data,
    error: result.error,
    rotate: async () => {
      const url = (await rotate()).data!.rotateCalendarFeedToken.url!;
      setFreshUrl(url);
      return url;
    },
    rotating: rotateState.loading,
  };
}
