/**
 * What the audit log records (the API's `Audited` actions and their resource types,
 * apps/api/src/modules/audit/audit-log.subscriber.ts): the filters of the audit page offer exactly these, each
 * worded in the `audit` namespace (`actions.<action with its first dot as _>`, `resourceTypes.<type>`).
 * audit-vocabulary.spec.ts keeps the lists in step with the API.
 */
export const AUDIT_ACTIONS = [
  'employer.verified',
  'employer.rejected',
  'employer.resubmitted',
  'employer.revoked',
  'staff.created',
  'password.changed',
  'password.reset_code_issued',
  'password.reset_code_emailed',
  'password.reset',
  'user.deactivated',
  'user.reactivated',
  'event.cancelled',
  'event.rescheduled',
  'event.kept-on-holiday',
  'holidays.changed',
  'booth.booking-approved',
  'booth.booking-rejected',
  'booth.booking-cancelled',
  'booth.booking-moved',
  'posting.approved',
  'posting.rejected',
  'posting.withdrawn',
  'posting.list-changed',
  'application.status-changed',
  'application.withdrawn',
  'mentor.status-changed',
  'mentor.certified',
  'mentor.imported',
  'mentor.exported',
  'mentor.follow-up-assigned',
  'quota.created',
  'quota.updated',
  'quota.deleted',
  'quota.figure-reported',
  'attendance.exported-unmasked',
  'personal-data.viewed',
  'personal-data.downloaded',
  'account.deleted',
  'personal-data.rekeyed',
] as const;

export const AUDIT_RESOURCE_TYPES = [
  'employer',
  'user',
  'event',
  'holiday_year',
  'booth_booking',
  'job_posting',
  'posting_flag_phrase',
  'urgent_occupation',
  'job_application',
  'mentor',
  'mentor_import',
  'mentor_export',
  'mentor_follow_up',
  'quota_definition',
  'quota_reported_figure',
  'personal_data_key',
] as const;

/** The locale key of an action or resource type (i18next keys cannot hold the action's first dot). */
export const auditKey = (value: string): string => value.replace('.', '_');
