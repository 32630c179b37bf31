import { formatShanghai } from '../../common/time.js';

/** What each kind of notification says, in both languages; the recipient's locale picks one. */
export interface NotificationText {
  title: string;
  body: string;
}

export interface NotificationMessage {
  kind: string;
  zh: NotificationText;
  en: NotificationText;
  link?: string;
  data?: Record<string, unknown>;
}

type EventRef = { id: string; title: string; startsAt: Date };

export const NotificationMessages = {
  eventCancelled: (event: EventRef, reason: string): NotificationMessage => ({
    kind: 'EVENT_CANCELLED',
    zh: { title: '活动已取消', body: `「${event.title}」（${formatShanghai(event.startsAt)}）已取消。原因：${reason}` },
    en: { title: 'Event cancelled', body: `"${event.title}" (${formatShanghai(event.startsAt)}) is cancelled. Reason: ${reason}` },
    link: `/events/${event.id}`,
    data: { eventId: event.id, reason },
  }),
  eventRescheduled: (event: EventRef, previousStartsAt: Date): NotificationMessage => ({
    kind: 'EVENT_RESCHEDULED',
    zh: { title: '活动时间已调整', body: `「${event.title}」由 ${formatShanghai(previousStartsAt)} 改为 ${formatShanghai(event.startsAt)}，报名与展位预订随之顺延。` },
    en: { title: 'Event rescheduled', body: `"${event.title}" moved from ${formatShanghai(previousStartsAt)} to ${formatShanghai(event.startsAt)}; registrations and bookings move with it.` },
    link: `/events/${event.id}`,
    data: { eventId: event.id, previousStartsAt: previousStartsAt.toISOString() },
  }),
  eventChanged: (event: EventRef, changed: string[]): NotificationMessage => ({
    kind: 'EVENT_CHANGED',
    zh: { title: '活动信息已更新', body: `「${event.title}」（${formatShanghai(event.startsAt)}）已更新：${changeLabels(changed, 'zh').join('、')}` },
    en: { title: 'Event updated', body: `"${event.title}" (${formatShanghai(event.startsAt)}) changed: ${changeLabels(changed, 'en').join(', ')}` },
    link: `/events/${event.id}`,
    data: { eventId: event.id, changed },
  }),

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

/** Event input fields → what each language calls them in an "event updated" notice. */
const CHANGE_LABELS: Record<string, { zh: string; en: string }> = {
  title: { zh: '名称', en: 'title' },
  description: { zh: '介绍', en: 'description' },
  subtype: { zh: '类别', en: 'category' },
  details: { zh: '详情', en: 'details' },
  venueId: { zh: '场馆', en: 'venue' },
  isOnline: { zh: '线上/线下', en: 'online/on-site' },
  onlineUrl: { zh: '线上链接', en: 'online link' },
  capacity: { zh: '容量', en: 'capacity' },
  startsAt: { zh: '时间', en: 'time' },
  endsAt: { zh: '时间', en: 'time' },
  startTime: { zh: '时间', en: 'time' },
  durationMinutes: { zh: '时长', en: 'duration' },
  registrationOpensAt: { zh: '报名时间', en: 'registration dates' },
  registrationClosesAt: { zh: '报名时间', en: 'registration dates' },
  coHostIds: { zh: '协办单位', en: 'co-hosts' },
};

function changeLabels(fields: string[], language: 'zh' | 'en'): string[] {
  return [...new Set(fields.map((f) => CHANGE_LABELS[f]?.[language] ?? f))];
}
