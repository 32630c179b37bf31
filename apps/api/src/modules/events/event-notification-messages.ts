import { formatShanghai } from '../../common/time.js';
import type { NotificationMessage } from '../notifications/notification-messages.js';

type EventRef = { id: string; title: string; startsAt: Date };

/** What the calendar tells the people attached to an event, in both languages; the recipient's locale picks one. */
export const EventNotificationMessages = {
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
