import { useMutation, useQuery } from '@apollo/client/react';
import {
  AdminUsersDocument,
  DeactivateUserDocument,
  IssuePasswordResetCodeDocument,
  ReactivateUserDocument,
  type UserFilter,
} from '../../../generated/graphql.js';

export const USER_PAGE_SIZE = 20;

/** One page of the admin's account list. */
export function useAdminUsers(filter: UserFilter, page: number) {
  const result = useQuery(AdminUsersDocument, {
    variables: { filter, take: USER_PAGE_SIZE, skip: (page - 1) * USER_PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  return {
    users: result.data?.users.items ?? [],
    total: result.data?.users.total ?? 0,
    loading: result.loading,
    error: result.error,
    refetch: result.refetch,
  };
}

/** Deactivate / reactivate (with a reason) and issue a one-time reset code. */
export function useUserAdminActions() {
  const [deactivate, deactivating] = useMutation(DeactivateUserDocument);
  const [reactivate, reactivating] = useMutation(ReactivateUserDocument);
  const [issue, issuing] = useMutation(IssuePasswordResetCodeDocument);
  return {
    deactivate: (id: string, reason: string) => deactivate({ variables: { id, reason } }),
    reactivate: (id: string, reason: string) => reactivate({ variables: { id, reason } }),
    issueResetCode: async (userId: string) => (await issue({ variables: { userId } })).data?.issuePasswordResetCode,
    busy: deactivating.loading || reactivating.loading || issuing.loading,
  };
}
