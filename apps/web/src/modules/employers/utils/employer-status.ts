import type { EmployerStatus } from '../../../generated/graphql.js';

export const EMPLOYER_STATUSES: readonly EmployerStatus[] = ['PENDING', 'VERIFIED', 'REJECTED'];

/** Tag colours: waiting is amber, verified green, rejected red. */
export const EMPLOYER_STATUS_COLOR: Record<EmployerStatus, string> = {
  PENDING: 'gold',
  VERIFIED: 'green',
  REJECTED: 'red',
};
