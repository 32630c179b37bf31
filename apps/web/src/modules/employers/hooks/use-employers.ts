import { useMutation, useQuery } from '@apollo/client/react';
import {
  EmployerDocument,
  EmployersDocument,
  MyEmployerDocument,
  RejectEmployerDocument,
  ResubmitMyEmployerDocument,
  RevokeEmployerVerificationDocument,
  type ResubmitEmployerInput,
  VerifyEmployerDocument,
  type EmployerFilter,
} from '../../../generated/graphql.js';

export const EMPLOYER_PAGE_SIZE = 20;

/** One page of the verification queue. */
export function useEmployerPage(filter: EmployerFilter, page: number) {
  const result = useQuery(EmployersDocument, {
    variables: { filter, take: EMPLOYER_PAGE_SIZE, skip: (page - 1) * EMPLOYER_PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  return {
    employers: result.data?.employers.items ?? [],
    total: result.data?.employers.total ?? 0,
    // Keep showing the previous page while the next loads, with the table's own spinner.
    loading: result.loading,
    error: result.error,
    refetch: result.refetch,
  };
}

export function useEmployer(id: string | undefined) {
  const result = useQuery(EmployerDocument, { variables: { id: id ?? '' }, skip: !id, fetchPolicy: 'cache-and-network' });
  return { employer: result.data?.employer ?? null, loading: result.loading, error: result.error };
}

/** The signed-in employer member's own organisation. */
export function useMyEmployer() {
  const result = useQuery(MyEmployerDocument, { fetchPolicy: 'cache-and-network' });
  return { employer: result.data?.myEmployer ?? null, loading: result.loading && !result.data, error: result.error, refetch: result.refetch };
}

/** Verify / reject; the queue pages are refetched so a reviewed employer leaves the PENDING list. */
export function useReviewEmployer() {
  const refetchQueries = [EmployersDocument];
  const [verify, verifyState] = useMutation(VerifyEmployerDocument, { refetchQueries });
  const [reject, rejectState] = useMutation(RejectEmployerDocument, { refetchQueries });
  const [revoke, revokeState] = useMutation(RevokeEmployerVerificationDocument, { refetchQueries });
  return {
    verify: async (id: string) => (await verify({ variables: { id } })).data?.verifyEmployer,
    reject: async (id: string, reason: string) => (await reject({ variables: { id, reason } })).data?.rejectEmployer,
    revoke: async (id: string, reason: string) => (await revoke({ variables: { id, reason } })).data?.revokeEmployerVerification,
    revoking: revokeState.loading,
    verifying: verifyState.loading,
    rejecting: rejectState.loading,
  };
}

/** A rejected employer's member corrects the details and asks for review again. */
export function useResubmitMyEmployer() {
  const [mutate, state] = useMutation(ResubmitMyEmployerDocument);
  return {
    resubmit: async (input: ResubmitEmployerInput) => (await mutate({ variables: { input } })).data?.resubmitMyEmployer,
    loading: state.loading,
  };
}
