import type { NotificationMessage } from '../notifications/notification-messages.js';

/** What employer verification tells the employer and the organizers, in both languages. */
export const EmployerNotificationMessages = {
  employerVerified: (employer: { id: string; name: string }): NotificationMessage => ({
    kind: 'EMPLOYER_VERIFIED',
    zh: { title: '单位认证已通过', body: `「${employer.name}」已通过审核。` },
    en: { title: 'Employer verified', body: `"${employer.name}" has been verified.` },
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
  employerAwaitingReview: (employer: { id: string; name: string }): NotificationMessage => ({
    kind: 'EMPLOYER_AWAITING_REVIEW',
    zh: { title: '新单位待审核', body: `「${employer.name}」提交了注册，请核实其主体资格。` },
    en: { title: 'New employer to review', body: `"${employer.name}" has registered; please verify its legal status.` },
    link: `/organizer/employers/${employer.id}`,
    data: { employerId: employer.id },
  }),
};
