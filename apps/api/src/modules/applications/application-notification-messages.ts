import { APPLICATION_STATUS_LABELS, type ApplicationStatus } from '@leye/domain';
import type { NotificationMessage } from '../notifications/notification-messages.js';

type Ref = { applicationId: string; postingId: string; postingTitle: string };

const ZH_STATUS_BODY: Partial<Record<ApplicationStatus, string>> = {
  VIEWED: '用人单位已查看您的简历。',
  INTERVIEW: '用人单位邀请您参加面试，请留意电话联系。',
  OFFER: '用人单位向您发出了录用意向。',
  HIRED: '恭喜，您已被录用！',
  REJECTED: '很遗憾，用人单位认为暂不合适。',
};
const EN_STATUS_BODY: Partial<Record<ApplicationStatus, string>> = {
  VIEWED: 'The employer has viewed your résumé.',
  INTERVIEW: 'The employer invites you to an interview; expect a call.',
  OFFER: 'The employer has made you an offer.',
  HIRED: 'Congratulations, you are hired!',
  REJECTED: 'The employer decided it is not a match this time.',
};

/** What applications tell seekers and employers, in both languages. */
export const ApplicationNotificationMessages = {
  received: (a: Ref, applicantName: string, fairTitle: string | null): NotificationMessage => ({
    kind: 'APPLICATION_RECEIVED',
    zh: { title: '收到新投递', body: `${applicantName} 投递了岗位「${a.postingTitle}」${fairTitle ? `（来自「${fairTitle}」）` : ''}。` },
    en: { title: 'New application', body: `${applicantName} applied to "${a.postingTitle}"${fairTitle ? ` (at "${fairTitle}")` : ''}.` },
    link: `/employer/applicants/${a.postingId}?application=${a.applicationId}`,
    data: { applicationId: a.applicationId, postingId: a.postingId },
  }),
  statusChanged: (a: Ref, to: ApplicationStatus, reason: string | null): NotificationMessage => ({
    kind: 'APPLICATION_STATUS_CHANGED',
    zh: {
      title: `投递进度：${APPLICATION_STATUS_LABELS[to].zh}`,
      body: `岗位「${a.postingTitle}」：${ZH_STATUS_BODY[to] ?? APPLICATION_STATUS_LABELS[to].zh}${reason ? `原因：${reason}` : ''}`,
    },
    en: {
      title: `Application: ${APPLICATION_STATUS_LABELS[to].en}`,
      body: `"${a.postingTitle}": ${EN_STATUS_BODY[to] ?? APPLICATION_STATUS_LABELS[to].en}${reason ? ` Reason: ${reason}` : ''}`,
    },
    link: '/seeker/applications',
    data: { applicationId: a.applicationId, postingId: a.postingId, status: to },
  }),
  withdrawn: (a: Ref, applicantName: string): NotificationMessage => ({
    kind: 'APPLICATION_WITHDRAWN',
    zh: { title: '求职者撤回投递', body: `${applicantName} 撤回了对岗位「${a.postingTitle}」的投递。` },
    en: { title: 'Application withdrawn', body: `${applicantName} withdrew the application to "${a.postingTitle}".` },
    link: `/employer/applicants/${a.postingId}`,
    data: { applicationId: a.applicationId, postingId: a.postingId },
  }),
};
