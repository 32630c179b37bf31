import { useMutation, useQuery } from '@apollo/client/react';
import { MyCalendarFeedDocument, RotateCalendarFeedTokenDocument } from '../../../generated/graphql.js';

/** The signed-in user's private iCalendar feed and the way to replace its secret link. */
export function useMyCalendarFeed() {
  const result = useQuery(MyCalendarFeedDocument, { fetchPolicy: 'cache-and-network' });
  const [rotate, rotateState] = useMutation(RotateCalendarFeedTokenDocument, {
    update: (cache, { data }) => {
      if (data) cache.writeQuery({ query: MyCalendarFeedDocument, data: { __typename: 'Query', myCalendarFeed: data.rotateCalendarFeedToken } });
    },
  });
  return {
    url: result.data?.myCalendarFeed.url ?? null,
    loading: result.loading && !result.data,
    error: result.error,
    rotate: async () => (await rotate()).data!.rotateCalendarFeedToken.url,
    rotating: rotateState.loading,
  };
}
