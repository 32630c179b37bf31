import { useMutation, useQuery } from '@apollo/client/react';
import { HolidayClashesDocument, ResolveHolidayClashDocument } from '../../../generated/graphql.js';

/** Occurrences that a later-entered holiday schedule put on a holiday (organizers and admins). */
export function useHolidayClashes() {
  const result = useQuery(HolidayClashesDocument, { fetchPolicy: 'cache-and-network' });
  return { clashes: result.data?.eventsOnHolidays ?? [], loading: result.loading, refetch: result.refetch };
}

/** Applies the series' holiday policy to one clash; the list reloads (the caller reloads its calendar). */
export function useResolveHolidayClash() {
  const [mutate, state] = useMutation(ResolveHolidayClashDocument, { refetchQueries: ['HolidayClashes'] });
  return {
    resolve: async (eventId: string, cancelReason?: string) => (await mutate({ variables: { eventId, cancelReason } })).data!.resolveHolidayClash,
    resolving: state.loading,
  };
}
