import type { NotificationMessage } from '../notifications/notification-messages.js';

/** What employer verification tells the employer and the organizers, in both languages. */
export const EmployerNotificationMessages = {
  employerVerified: (employer: { id: string; name: string }): NotificationMessage => ({
    kind: 'EMPLOYER_VERIFIED',
    zh: { title: '单位认证已通过', body: `「${employer.name}」已通过审核，可以以认证单位身份参加招聘活动。` },
    en: { title: 'Employer verified', body: `"${employer.name}" has been verified and takes part in events as a verified employer.` },
    link: '/employer',
    data: { employerId: employer.id },
  }),
  employerRejected: (employer: { id: string; name: string }, reason: string): NotificationMessage => ({
    kind: 'EMPLOYER_REJECTED',
    zh: { title: '单位认证未通过', body: `「${employer.name}」未通过审核，原因：${reason}` },
    en: { title: 'Employer verification rejected', body: `"${employer.name}" was not verified. Reason: ${reason}` },
    link: '/employer',
    data: { employerId: employer.id, reason },
  }),
  employerRevoked: (employer: { id: string; name: string }, reason: string): NotificationMessage => ({
    kind: 'EMPLOYER_REVOKED',
    zh: { title: '单位认证已撤销', body: `「${employer.name}」的认证已被撤销，原因：${reason}。请修改资料后重新提交。` },
    en: { title: 'Employer verification revoked', body: `The verification of "${employer.name}" was revoked. Reason: ${reason}. Correct the details and resubmit.` },
    link: '/employer',
    data: { employerId: employer.id, reason },
  }),
  employerResubmitted: (employer: { id: string; name: string }): NotificationMessage => ({
    kind: 'EMPLOYER_RESUBMITTED',
    zh: { title: '单位重新提交审核', body: `「${employer.name}」修改了资料并重新提交，请再次核实。` },
    en: { title: 'Employer resubmitted', body: `"${employer.name}" corrected its details and asks for review again.` },
    link: `/organizer/employers/${employer.id}`,
    data: { employerId: employer.id },
  }),
  employerAwaitingReview: (employer: { id: string; name: string }): NotificationMessage => ({
    kind: 'EMPLOYER_AWAITING_REVIEW',
    zh: { title: '新单位待审核', body: `「${employer.name}」提交了注册，请核实其主体资格。` },
    en: { title: 'New employer to review', body: `"${employer.name}" has registered; please verify its legal status.` },
    link: `/organizer/employers/${employer.id}`,
    data: { employerId: employer.id },
  }),
};
