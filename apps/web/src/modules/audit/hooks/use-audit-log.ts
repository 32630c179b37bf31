import { useQuery } from '@apollo/client/react';
import { AuditLogDocument, type AuditLogQueryVariables } from '../../../generated/graphql.js';

export const AUDIT_PAGE_SIZE = 20;

export type AuditSearch = Omit<AuditLogQueryVariables, 'take' | 'skip'>;

/** One page of the audit log for a search (admins only). */
export function useAuditLog(search: AuditSearch, page: number) {
  const result = useQuery(AuditLogDocument, {
    variables: { ...search, take: AUDIT_PAGE_SIZE, skip: (page - 1) * AUDIT_PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  return {
    entries: result.data?.auditLog.items ?? [],
    total: result.data?.auditLog.total ?? 0,
    loading: result.loading,
    error: result.error,
    refetch: result.refetch,
  };
}
