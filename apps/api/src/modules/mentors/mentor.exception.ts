import { badInput, conflict, forbidden, notFound } from '../../common/errors/app-error.js';

/** Reason codes of the mentor pool (worded in the web's core locales, errors.reasons). */
export const MentorErrors = {
  mentorNotFound: () => notFound('Mentor'),
  projectNotFound: () => notFound('StartupProject'),
  followUpNotFound: () => notFound('MENTOR_FOLLOW_UP_NOT_FOUND'),
  sessionNotFound: () => notFound('COACHING_SESSION_NOT_FOUND'),
  studioNotFound: () => badInput({ reason: 'MENTOR_STUDIO_NOT_FOUND', message: 'No such mentor studio' }, { studioId: 'MENTOR_STUDIO_NOT_FOUND' }),
  unknownExpertise: (codes: string[]) =>
    badInput({ reason: 'UNKNOWN_EXPERTISE', message: `Unknown expertise tags: ${codes.join(', ')}`, params: { tags: codes.join(', ') } }, { expertise: 'UNKNOWN_EXPERTISE' }),
  phoneRequired: () => badInput({ reason: 'MENTOR_PHONE_REQUIRED', message: 'Give a mobile number' }, { phone: 'REQUIRED' }),
  phoneTaken: () => conflict({ reason: 'MENTOR_PHONE_TAKEN', message: 'A mentor with this mobile number is already in the pool' }, { fields: { phone: 'MENTOR_PHONE_TAKEN' } }),
  certificateTaken: () =>
    conflict({ reason: 'MENTOR_CERTIFICATE_TAKEN', message: 'Another mentor holds this certificate number' }, { fields: { certificateNo: 'MENTOR_CERTIFICATE_TAKEN' } }),
  certificatePair: () =>
    badInput({ reason: 'MENTOR_CERTIFICATE_INCOMPLETE', message: 'Give both the certification date and the certificate number' }, { certificateNo: 'MENTOR_CERTIFICATE_INCOMPLETE' }),
  certifiedInFuture: () => badInput({ reason: 'MENTOR_CERTIFIED_IN_FUTURE', message: 'The certification date cannot be in the future' }, { certifiedOn: 'MENTOR_CERTIFIED_IN_FUTURE' }),
  wrongStatus: (status: string) => conflict({ reason: 'MENTOR_STATUS_CONFLICT', message: `Not possible for a ${status} mentor`, params: { status } }),
  notActive: () => conflict({ reason: 'MENTOR_NOT_ACTIVE', message: 'Only an active mentor can take projects' }),
  hasAccount: () => conflict({ reason: 'MENTOR_HAS_ACCOUNT', message: 'This mentor already has an account' }),
  contactRequired: () => badInput({ reason: 'MENTOR_CONTACT_REQUIRED', message: 'The profile needs a mobile number or e-mail to sign in with' }),
  atCapacity: (capacity: number) =>
    conflict({ reason: 'MENTOR_AT_CAPACITY', message: `The mentor already follows ${capacity} projects, their capacity`, params: { capacity } }),
  alreadyFollowing: () => conflict({ reason: 'MENTOR_ALREADY_FOLLOWING', message: 'This mentor already follows (or was offered) this project' }),
  followUpState: (status: string) => conflict({ reason: 'FOLLOW_UP_STATE_CONFLICT', message: `The follow-up is ${status}`, params: { status } }),
  notFollowing: () => forbidden({ reason: 'MENTOR_NOT_FOLLOWING', message: 'You can log sessions only for projects you follow now' }),
  founderNotFound: (account: string) =>
    badInput({ reason: 'FOUNDER_ACCOUNT_NOT_FOUND', message: `No seeker account ${account}`, params: { account } }, { founders: 'FOUNDER_ACCOUNT_NOT_FOUND' }),
  heldAt: () => badInput({ reason: 'SESSION_DATE_OUT_OF_RANGE', message: 'A session is logged after it happened, at most a year ago' }, { heldAt: 'SESSION_DATE_OUT_OF_RANGE' }),
  alreadyConfirmed: () => conflict({ reason: 'SESSION_ALREADY_CONFIRMED', message: 'This session is already confirmed' }),
  notEntrepreneurship: () => badInput({ reason: 'MENTOR_EVENT_NOT_ENTREPRENEURSHIP', message: 'Mentors are judges or speakers at entrepreneurship events' }),
  eventRoleNotFound: () => notFound('MENTOR_EVENT_ROLE_NOT_FOUND'),
  studioTaken: () => conflict({ reason: 'MENTOR_STUDIO_TAKEN', message: 'A studio with this name exists' }, { fields: { name: 'MENTOR_STUDIO_TAKEN' } }),
  tagNameTaken: () => conflict({ reason: 'EXPERTISE_TAG_NAME_TAKEN', message: 'Another tag has this name' }, { fields: { nameZh: 'EXPERTISE_TAG_NAME_TAKEN' } }),
  importUnreadable: () => badInput({ reason: 'MENTOR_IMPORT_UNREADABLE', message: 'The file is not an Excel workbook (.xlsx)' }, { fileBase64: 'MENTOR_IMPORT_UNREADABLE' }),
  importHeaders: (missing: string[]) =>
    badInput({ reason: 'MENTOR_IMPORT_HEADERS', message: `Missing columns: ${missing.join(', ')}`, params: { columns: missing.join('、') } }, { fileBase64: 'MENTOR_IMPORT_HEADERS' }),
  importEmpty: () => badInput({ reason: 'MENTOR_IMPORT_EMPTY', message: 'The sheet has no mentor rows' }, { fileBase64: 'MENTOR_IMPORT_EMPTY' }),
  importTooMany: (max: number) => badInput({ reason: 'MENTOR_IMPORT_TOO_MANY_ROWS', message: `At most ${max} rows per file`, params: { max } }, { fileBase64: 'MENTOR_IMPORT_TOO_MANY_ROWS' }),
  importConflict: () => conflict({ reason: 'MENTOR_IMPORT_CONFLICT', message: 'Someone changed the pool while importing; nothing was imported, try again' }),
};
