import type { LocaleResource } from '../../i18n/utils/locale-resource.js';
import type zhCN from './audit.zh-CN.js';

/** i18next namespace `audit`, English. Keys mirror audit.zh-CN.ts exactly (the type and locales.spec.ts check). */
const auditEn: LocaleResource<typeof zhCN> = {
  nav: 'Audit log',
  title: 'Audit log',
  subtitle: 'Who did what, to which record, when and from which address: employer reviews, staff accounts, event cancellations and reschedules, holiday changes. Append-only.',
  search: 'Search',
  reset: 'Reset',
  system: 'System',
  empty: 'No matching entries',
  total: '{{count}} entries',
  badActorId: 'Enter a complete user ID',
  allEventActions: 'All event actions',
  allEmployerActions: 'All employer reviews',
  fields: {
    occurredAt: 'When',
    actor: 'Who',
    actorId: 'User ID',
    action: 'Action',
    resource: 'Record',
    resourceId: 'Record ID',
    region: 'Region',
    ipAddress: 'IP address',
    range: 'Dates',
  },
  actions: {
    employer_verified: 'Employer verified',
    employer_rejected: 'Employer rejected',
    staff_created: 'Staff account created',
    employer_resubmitted: 'Employer resubmitted',
    employer_revoked: 'Employer verification revoked',
    password_changed: 'Password changed',
    password_reset_code_issued: 'Password reset code issued',
    password_reset: 'Password reset with a code',
    user_deactivated: 'Account deactivated',
    user_reactivated: 'Account reactivated',
    event_cancelled: 'Event cancelled',
    event_rescheduled: 'Event rescheduled',
    holidays_changed: 'Holidays changed',
    posting_approved: 'Posting approved',
    posting_rejected: 'Posting rejected',
    posting_withdrawn: 'Posting withdrawn',
    'posting_list-changed': 'Phrase or shortage list changed',
  },
  resourceTypes: {
    employer: 'Employer',
    user: 'Account',
    event: 'Event',
    holiday_year: 'Holidays (year)',
    job_posting: 'Job posting',
    posting_flag_phrase: 'Review phrase list',
    urgent_occupation: 'Urgent-shortage list',
  },
};

export default auditEn;
