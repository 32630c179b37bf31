import { useMutation, useQuery } from '@apollo/client/react';
import {
  AttendanceConflictsDocument,
  AttendanceFiguresDocument,
  AttendanceGatesDocument,
  AttendanceRegistrationsDocument,
  CancelRegistrationDocument,
  CheckInBookingDocument,
  CreateGateDocument,
  FairBoothAttendanceDocument,
  MyFairOutcomesDocument,
  MyRegistrationsDocument,
  MySeekerProfileDocument,
  RecordFairOutcomeDocument,
  RegisterForEventDocument,
  RemoveGateDocument,
  RenameGateDocument,
  UpdateMySeekerProfileDocument,
  type FairOutcomeInput,
  type SeekerProfileInput,
} from '../../../generated/graphql.js';

export function useMyRegistrations(skip = false) {
  const r = useQuery(MyRegistrationsDocument, { skip, fetchPolicy: 'cache-and-network' });
  return { registrations: r.data?.myRegistrations ?? [], loading: r.loading && !r.data, error: r.error };
}

export function useRegister() {
  const [mutate, state] = useMutation(RegisterForEventDocument, { refetchQueries: [MyRegistrationsDocument] });
  return {
    register: async (target: { eventId?: string; seriesId?: string }) => (await mutate({ variables: target })).data?.registerForEvent,
    registering: state.loading,
  };
}

export function useCancelRegistration() {
  const [mutate, state] = useMutation(CancelRegistrationDocument, { refetchQueries: [MyRegistrationsDocument] });
  return { cancel: async (registrationId: string) => (await mutate({ variables: { registrationId } })).data?.cancelRegistration, cancelling: state.loading };
}

export function useSeekerProfile() {
  const r = useQuery(MySeekerProfileDocument, { fetchPolicy: 'cache-and-network' });
  return { profile: r.data?.mySeekerProfile ?? null, loading: r.loading && !r.data };
}

export function useUpdateSeekerProfile() {
  const [mutate, state] = useMutation(UpdateMySeekerProfileDocument, { refetchQueries: [MySeekerProfileDocument] });
  return { save: async (input: SeekerProfileInput) => (await mutate({ variables: { input } })).data?.updateMySeekerProfile, saving: state.loading };
}

export function useAttendanceFigures(eventId: string) {
  const r = useQuery(AttendanceFiguresDocument, { variables: { eventId }, fetchPolicy: 'cache-and-network' });
  return { figures: r.data?.attendanceFigures ?? null, loading: r.loading && !r.data, error: r.error, refetch: r.refetch };
}

export function useAttendanceConflicts(eventId: string) {
  const r = useQuery(AttendanceConflictsDocument, { variables: { eventId }, fetchPolicy: 'cache-and-network' });
  return { conflicts: r.data?.attendanceConflicts ?? [], refetch: r.refetch };
}

export function useGates(eventId: string) {
  const r = useQuery(AttendanceGatesDocument, { variables: { eventId }, fetchPolicy: 'cache-and-network' });
  const refetchQueries = [AttendanceGatesDocument];
  const [create] = useMutation(CreateGateDocument, { refetchQueries });
  const [rename] = useMutation(RenameGateDocument, { refetchQueries });
  const [remove] = useMutation(RemoveGateDocument, { refetchQueries });
  return {
    gates: r.data?.attendanceGates ?? [],
    create: (name: string) => create({ variables: { eventId, name } }),
    rename: (gateId: string, name: string) => rename({ variables: { gateId, name } }),
    remove: (gateId: string) => remove({ variables: { gateId } }),
  };
}

export function useAttendanceRegistrations(eventId: string, page: number, search: string) {
  const r = useQuery(AttendanceRegistrationsDocument, {
    variables: { eventId, take: 20, skip: (page - 1) * 20, search: search || null },
    fetchPolicy: 'cache-and-network',
  });
  return { page: r.data?.attendanceRegistrations ?? null, loading: r.loading };
}

export function useFairBoothAttendance(eventId: string) {
  const r = useQuery(FairBoothAttendanceDocument, { variables: { eventId }, fetchPolicy: 'cache-and-network' });
  const [checkIn] = useMutation(CheckInBookingDocument, { refetchQueries: [FairBoothAttendanceDocument, AttendanceFiguresDocument] });
  return { bookings: r.data?.fairBoothAttendance ?? [], checkIn: (bookingId: string) => checkIn({ variables: { bookingId } }) };
}

export function useMyFairOutcomes() {
  const r = useQuery(MyFairOutcomesDocument, { fetchPolicy: 'cache-and-network' });
  return { bookings: r.data?.myFairOutcomes ?? [], loading: r.loading && !r.data };
}

export function useRecordFairOutcome() {
  const [mutate, state] = useMutation(RecordFairOutcomeDocument, { refetchQueries: [MyFairOutcomesDocument, FairBoothAttendanceDocument] });
  return { record: (bookingId: string, input: FairOutcomeInput) => mutate({ variables: { bookingId, input } }), saving: state.loading };
}
