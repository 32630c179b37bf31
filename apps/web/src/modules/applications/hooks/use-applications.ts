import { useMutation, useQuery } from '@apollo/client/react';
import {
  ApplicantPostingsDocument,
  ApplyToPostingDocument,
  MoveApplicationDocument,
  MyApplicationStatesDocument,
  MyApplicationsDocument,
  MyResumeDocument,
  OpenApplicationDocument,
  PostingApplicantsDocument,
  UpdateMyResumeDocument,
  WithdrawApplicationDocument,
  type ApplicationStatus,
  type ApplyInput,
  type ResumeInput,
} from '../../../generated/graphql.js';

export const APPLICATIONS_PAGE_SIZE = 20;

export function useMyResume(skip = false) {
  const result = useQuery(MyResumeDocument, { skip, fetchPolicy: 'cache-and-network' });
  return { resume: result.data?.myResume ?? null, loading: result.loading && !result.data, error: result.error };
}

export function useUpdateResume() {
  const [mutate, state] = useMutation(UpdateMyResumeDocument, { refetchQueries: [MyResumeDocument] });
  return { save: async (input: ResumeInput) => (await mutate({ variables: { input } })).data?.updateMyResume, saving: state.loading };
}

/** The seeker's application (if any) per posting, for apply buttons. */
export function useMyApplicationStates(postingIds: string[], skip: boolean) {
  const result = useQuery(MyApplicationStatesDocument, { variables: { postingIds }, skip: skip || postingIds.length === 0, fetchPolicy: 'cache-and-network' });
  return { states: result.data?.myApplicationStates ?? [], loading: result.loading };
}

export function useApply() {
  const [mutate, state] = useMutation(ApplyToPostingDocument, { refetchQueries: [MyApplicationStatesDocument, MyApplicationsDocument] });
  return { apply: async (input: ApplyInput) => (await mutate({ variables: { input } })).data?.applyToPosting, applying: state.loading };
}

export function useMyApplications(status: ApplicationStatus | undefined, page: number) {
  const result = useQuery(MyApplicationsDocument, {
    variables: { status, take: APPLICATIONS_PAGE_SIZE, skip: (page - 1) * APPLICATIONS_PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  return { items: result.data?.myApplications.items ?? [], total: result.data?.myApplications.total ?? 0, loading: result.loading, error: result.error };
}

export function useWithdrawApplication() {
  const [mutate, state] = useMutation(WithdrawApplicationDocument, { refetchQueries: [MyApplicationsDocument] });
  return { withdraw: async (id: string) => (await mutate({ variables: { id } })).data?.withdrawApplication, withdrawing: state.loading };
}

export function useApplicantPostings(page: number) {
  const result = useQuery(ApplicantPostingsDocument, { variables: { take: APPLICATIONS_PAGE_SIZE, skip: (page - 1) * APPLICATIONS_PAGE_SIZE }, fetchPolicy: 'cache-and-network' });
  return { postings: result.data?.myPostings.items ?? [], total: result.data?.myPostings.total ?? 0, loading: result.loading, error: result.error };
}

export function usePostingApplicants(postingId: string, status: ApplicationStatus | undefined, page: number) {
  const result = useQuery(PostingApplicantsDocument, {
    variables: { postingId, status, take: APPLICATIONS_PAGE_SIZE, skip: (page - 1) * APPLICATIONS_PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  return {
    items: result.data?.postingApplications.items ?? [],
    total: result.data?.postingApplications.total ?? 0,
    funnel: result.data?.postingApplicationFunnel ?? null,
    loading: result.loading,
    error: result.error,
  };
}

export function useOpenApplication() {
  const [mutate, state] = useMutation(OpenApplicationDocument, { refetchQueries: [PostingApplicantsDocument] });
  return { open: async (id: string) => (await mutate({ variables: { id } })).data?.openApplication, opening: state.loading, application: state.data?.openApplication ?? null, error: state.error };
}

export function useMoveApplication() {
  const [mutate, state] = useMutation(MoveApplicationDocument, { refetchQueries: [PostingApplicantsDocument] });
  return {
    move: async (id: string, status: ApplicationStatus, reason?: string | null) => (await mutate({ variables: { id, status, reason } })).data?.moveApplication,
    moving: state.loading,
  };
}
