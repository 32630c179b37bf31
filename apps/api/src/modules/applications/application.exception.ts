import { badInput, conflict, notFound } from '../../common/errors/app-error.js';

export const ApplicationErrors = {
  notFound: () => notFound('APPLICATION_NOT_FOUND'),
  postingNotFound: () => notFound('POSTING_NOT_FOUND'),
  /** The posting exists but no longer takes applications (past its date, withdrawn, or its employer lost verification). */
  postingClosed: () => conflict({ reason: 'POSTING_CLOSED', message: 'This posting no longer takes applications' }),
  alreadyApplied: (applicationId: string) =>
    conflict({ reason: 'ALREADY_APPLIED', message: 'You have already applied to this posting', params: { applicationId } }, { applicationId }),
  fairRequired: () => badInput({ reason: 'FAIR_REQUIRED', message: 'An application from a fair names the fair' }, { eventId: 'FAIR_REQUIRED' }),
  fairNotFound: () => badInput({ reason: 'FAIR_NOT_FOUND', message: 'No published fair with this id' }, { eventId: 'FAIR_NOT_FOUND' }),
  sourceRefOnline: () => badInput({ reason: 'SOURCE_REF_NOT_ALLOWED', message: 'An online application has no event or source reference' }, { sourceRef: 'SOURCE_REF_NOT_ALLOWED' }),
  invalidMove: (from: string, to: string) =>
    conflict({ reason: 'APPLICATION_TRANSITION_INVALID', message: `An application in ${from} cannot move to ${to}`, params: { from, to } }, { status: from }),
};
