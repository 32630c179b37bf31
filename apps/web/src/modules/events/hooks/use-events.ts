import { useMutation, useQuery } from '@apollo/client/react';
import {
  AssignableEventStaffDocument,
  AssignEventStaffDocument,
  CancelEventDocument,
  CompleteEventDocument,
  CoHostBodiesDocument,
  CreateEventDocument,
  DelegationEmployersDocument,
  EventDocument,
  PublishEventDocument,
  RescheduleEventDocument,
  UnassignEventStaffDocument,
  UpdateEventDocument,
  VenuesDocument,
  type EditScope,
  type EventInput,
  type EventUpdateInput,
} from '../../../generated/graphql.js';

export function useEvent(id: string | undefined) {
  const result = useQuery(EventDocument, { variables: { id: id ?? '' }, skip: !id, fetchPolicy: 'cache-and-network' });
  return { event: result.data?.event ?? null, loading: result.loading && !result.data, error: result.error, refetch: result.refetch };
}

/** Venues of a region (all venues when no region is given). */
export function useVenues(regionCode: string | null | undefined) {
  const result = useQuery(VenuesDocument, { variables: { regionCode: regionCode ?? null }, fetchPolicy: 'cache-and-network' });
  return { venues: result.data?.venues ?? [], loading: result.loading, error: result.error };
}

export function useCoHostBodies() {
  const result = useQuery(CoHostBodiesDocument, { fetchPolicy: 'cache-first' });
  return { coHosts: result.data?.coHostBodies ?? [], loading: result.loading, error: result.error };
}

/** Verified employers matching a name, for a campus-recruiting delegation. */
export function useDelegationEmployers(search: string) {
  const result = useQuery(DelegationEmployersDocument, { variables: { search: search || null }, fetchPolicy: 'cache-first' });
  return { employers: result.data?.employers.items ?? [], loading: result.loading };
}

/** Create / edit / publish / cancel / reschedule / complete. Returned events update the Apollo cache by id. */
export function useEventMutations() {
  const [create, createState] = useMutation(CreateEventDocument);
  const [update, updateState] = useMutation(UpdateEventDocument);
  const [publish, publishState] = useMutation(PublishEventDocument);
  const [cancel, cancelState] = useMutation(CancelEventDocument);
  const [reschedule, rescheduleState] = useMutation(RescheduleEventDocument);
  const [complete, completeState] = useMutation(CompleteEventDocument);
  return {
    create: async (input: EventInput, publishNow: boolean, allowPastStart = false) =>
      (await create({ variables: { input, publish: publishNow, allowPastStart } })).data!.createEvent,
    update: async (id: string, input: EventUpdateInput, scope: EditScope) =>
      (await update({ variables: { id, input, scope } })).data!.updateEvent,
    publish: async (id: string, scope: EditScope) => (await publish({ variables: { id, scope } })).data!.publishEvent,
    cancel: async (id: string, reason: string) => (await cancel({ variables: { id, reason } })).data!.cancelEvent,
    reschedule: async (id: string, startsAt: string, endsAt: string, allowPastStart = false) =>
      (await reschedule({ variables: { id, startsAt, endsAt, allowPastStart } })).data!.rescheduleEvent,
    complete: async (id: string) => (await complete({ variables: { id } })).data!.completeEvent,
    creating: createState.loading,
    updating: updateState.loading,
    publishing: publishState.loading,
    cancelling: cancelState.loading,
    rescheduling: rescheduleState.loading,
    completing: completeState.loading,
  };
}

/** The event's staff: who may be added (asked only while the picker is open) and add / remove. */
export function useEventStaff(eventId: string, search: string, open: boolean) {
  const candidates = useQuery(AssignableEventStaffDocument, { variables: { eventId, search: search || null }, skip: !open, fetchPolicy: 'network-only' });
  const [assign, assignState] = useMutation(AssignEventStaffDocument);
  const [unassign, unassignState] = useMutation(UnassignEventStaffDocument);
  return {
    candidates: candidates.data?.assignableEventStaff ?? [],
    loadingCandidates: candidates.loading,
    assign: async (userId: string) => {
      await assign({ variables: { eventId, userId } });
      await candidates.refetch();
    },
    unassign: async (userId: string) => (await unassign({ variables: { eventId, userId } })).data!.unassignEventStaff,
    busy: assignState.loading || unassignState.loading,
  };
}
