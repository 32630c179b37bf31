import { AppError, ErrorCode, badInput, conflict, forbidden } from '../../common/errors/app-error.js';

export const PostingErrors = {
  employerNotVerified: () => forbidden({ reason: 'POSTING_REQUIRES_VERIFIED_EMPLOYER', message: 'Only a verified employer can post jobs' }),
  salaryRange: (reason: 'SALARY_MIN_ABOVE_MAX' | 'SALARY_NEGATIVE') =>
    badInput({ reason, message: reason === 'SALARY_NEGATIVE' ? 'Pay cannot be negative' : 'The lowest pay is above the highest' }, { salaryMin: reason }),
  validUntil: (reason: string, maxDays: number) =>
    badInput({ reason, message: `Valid until must be after today and at most ${maxDays} days ahead`, params: { maxDays } }, { validUntil: reason }),
  alreadyReviewed: (status: string) =>
    new AppError(ErrorCode.CONFLICT, `This posting is no longer awaiting review (now ${status})`, { reason: 'POSTING_ALREADY_REVIEWED', params: { status }, status }),
  changedSinceViewed: () => conflict({ reason: 'POSTING_CHANGED', message: 'The employer edited this posting since you opened it; look again' }),
  expired: () => conflict({ reason: 'POSTING_EXPIRED', message: 'This posting is past its valid-until date' }),
  notEditable: (status: string) => conflict({ reason: 'POSTING_NOT_EDITABLE', message: `A ${status} posting cannot be edited`, params: { status } }),
  notWithdrawable: (status: string) => conflict({ reason: 'POSTING_NOT_WITHDRAWABLE', message: `A ${status} posting cannot be withdrawn`, params: { status } }),
  phraseTaken: () => conflict({ reason: 'PHRASE_TAKEN', message: 'This phrase is already on the list' }, { fields: { phrase: 'PHRASE_TAKEN' } }),
  phraseEmpty: () => badInput({ reason: 'PHRASE_EMPTY', message: 'The phrase needs at least one character besides # and spaces' }, { phrase: 'PHRASE_EMPTY' }),
  urgentTaken: () =>
    conflict({ reason: 'URGENT_OCCUPATION_TAKEN', message: 'This occupation is already on the list' }, { fields: { occupationCode: 'URGENT_OCCUPATION_TAKEN' } }),
  nothingToSample: () => conflict({ reason: 'SPOT_CHECK_NOTHING_TO_SAMPLE', message: 'There are no approved postings to sample in this scope' }),
  noteRequired: () => badInput({ reason: 'SPOT_CHECK_NOTE_REQUIRED', message: 'Say what was wrong' }, { note: 'REQUIRED' }),
};
