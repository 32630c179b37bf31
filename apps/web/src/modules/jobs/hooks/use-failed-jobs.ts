import { useMutation, useQuery } from '@apollo/client/react';
import { FailedJobsDocument, RetryJobDocument } from '../../../generated/graphql.js';

export const FAILED_JOBS_PAGE_SIZE = 20;

/** Background jobs that used up their retries (admins only), and putting one back in line. */
export function useFailedJobs(page: number) {
  const result = useQuery(FailedJobsDocument, {
    variables: { take: FAILED_JOBS_PAGE_SIZE, skip: (page - 1) * FAILED_JOBS_PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  const [mutate, retryState] = useMutation(RetryJobDocument);
  const retry = async (id: string) => {
    await mutate({ variables: { id } });
    await result.refetch();
  };
  return {
    jobs: result.data?.failedJobs.items ?? [],
    total: result.data?.failedJobs.total ?? 0,
    loading: result.loading,
    error: result.error,
    refetch: result.refetch,
    retry,
    retrying: retryState.loading,
  };
}
