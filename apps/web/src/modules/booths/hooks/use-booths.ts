import { useMutation, useQuery } from '@apollo/client/react';
import {
  AcceptWaitlistOfferDocument,
  ApplyForDelegationDocument,
  ApproveBoothBookingDocument,
  BoothFairsDocument,
  CancelBoothBookingDocument,
  CancelMyBoothBookingDocument,
  ConfigureFairBoothsDocument,
  ConfirmBoothBookingDocument,
  CreateVenueLayoutDocument,
  DeclineWaitlistOfferDocument,
  DeleteVenueLayoutDocument,
  FairBookingsDocument,
  FairBoothMapDocument,
  FairWaitlistDocument,
  HoldBoothDocument,
  JoinBoothWaitlistDocument,
  LeaveBoothWaitlistDocument,
  MoveBoothBookingDocument,
  MyBoothBookingsDocument,
  MyWaitlistEntriesDocument,
  RejectBoothBookingDocument,
  SaveLayoutBoothsDocument,
  SetFairBoothStateDocument,
  VenueLayoutsDocument,
} from '../../../generated/graphql.js';

export function useVenueLayouts(venueId: string | null | undefined) {
  const result = useQuery(VenueLayoutsDocument, { variables: { venueId: venueId ?? '' }, skip: !venueId, fetchPolicy: 'cache-and-network' });
  return { layouts: result.data?.venueLayouts ?? [], loading: result.loading && !result.data, error: result.error, refetch: result.refetch };
}

export function useLayoutMutations() {
  const [create, creating] = useMutation(CreateVenueLayoutDocument);
  const [save, saving] = useMutation(SaveLayoutBoothsDocument);
  const [remove, removing] = useMutation(DeleteVenueLayoutDocument);
  return { create, save, remove, creating: creating.loading, saving: saving.loading, removing: removing.loading };
}

export function useFairBoothMap(eventId: string | undefined) {
  const result = useQuery(FairBoothMapDocument, {
    variables: { eventId: eventId ?? '' },
    skip: !eventId,
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: false,
  });
  return { map: result.data?.fairBoothMap ?? null, loading: result.loading && !result.data, error: result.error, refetch: result.refetch };
}

export function useBoothFairs(openOnly: boolean) {
  const result = useQuery(BoothFairsDocument, { variables: { openOnly }, fetchPolicy: 'cache-and-network' });
  return { fairs: result.data?.boothFairs ?? [], loading: result.loading && !result.data, error: result.error, refetch: result.refetch };
}

export function useMyBookings(eventId?: string) {
  const result = useQuery(MyBoothBookingsDocument, { variables: { eventId: eventId ?? null }, fetchPolicy: 'cache-and-network', notifyOnNetworkStatusChange: false });
  return { bookings: result.data?.myBoothBookings ?? [], loading: result.loading && !result.data, error: result.error, refetch: result.refetch };
}

export function useMyWaitlist() {
  const result = useQuery(MyWaitlistEntriesDocument, { fetchPolicy: 'cache-and-network', notifyOnNetworkStatusChange: false });
  return { entries: result.data?.myWaitlistEntries ?? [], loading: result.loading && !result.data, error: result.error, refetch: result.refetch };
}

export function useFairBookings(eventId: string | undefined, skip = false) {
  const result = useQuery(FairBookingsDocument, { variables: { eventId: eventId ?? '' }, skip: !eventId || skip, fetchPolicy: 'cache-and-network', notifyOnNetworkStatusChange: false });
  return { bookings: result.data?.fairBookings ?? [], loading: result.loading && !result.data, error: result.error, refetch: result.refetch };
}

export function useFairWaitlist(eventId: string | undefined, skip = false) {
  const result = useQuery(FairWaitlistDocument, { variables: { eventId: eventId ?? '' }, skip: !eventId || skip, fetchPolicy: 'cache-and-network', notifyOnNetworkStatusChange: false });
  return { entries: result.data?.fairWaitlist ?? [], loading: result.loading && !result.data, error: result.error, refetch: result.refetch };
}

/** Every booking mutation; callers refetch the map and lists they show afterwards. */
export function useBookingMutations() {
  const [hold, holding] = useMutation(HoldBoothDocument);
  const [confirm, confirming] = useMutation(ConfirmBoothBookingDocument);
  const [apply, applying] = useMutation(ApplyForDelegationDocument);
  const [cancelMine, cancellingMine] = useMutation(CancelMyBoothBookingDocument);
  const [approve] = useMutation(ApproveBoothBookingDocument);
  const [reject] = useMutation(RejectBoothBookingDocument);
  const [cancel] = useMutation(CancelBoothBookingDocument);
  const [move] = useMutation(MoveBoothBookingDocument);
  const [joinWaitlist, joining] = useMutation(JoinBoothWaitlistDocument);
  const [leaveWaitlist] = useMutation(LeaveBoothWaitlistDocument);
  const [acceptOffer] = useMutation(AcceptWaitlistOfferDocument);
  const [declineOffer] = useMutation(DeclineWaitlistOfferDocument);
  const [configure, configuring] = useMutation(ConfigureFairBoothsDocument);
  const [setState, settingState] = useMutation(SetFairBoothStateDocument);
  return {
    hold,
    confirm,
    apply,
    cancelMine,
    approve,
    reject,
    cancel,
    move,
    joinWaitlist,
    leaveWaitlist,
    acceptOffer,
    declineOffer,
    configure,
    setState,
    holding: holding.loading,
    confirming: confirming.loading,
    applying: applying.loading,
    cancellingMine: cancellingMine.loading,
    joining: joining.loading,
    configuring: configuring.loading,
    settingState: settingState.loading,
  };
}
