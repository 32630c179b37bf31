import type { NotificationMessage } from '../notifications/notification-messages.js';
import type { BookingRef } from './booth.domain-events.js';

const what = (b: BookingRef) => (b.boothCode ? { zh: `展位 ${b.boothCode}`, en: `booth ${b.boothCode}` } : { zh: '代表团名额', en: 'a delegation place' });
const link = '/employer/booths';

/** What booth booking tells the employer, in both languages. */
export const BoothNotificationMessages = {
  confirmed: (b: BookingRef, status: 'CONFIRMED' | 'PENDING_APPROVAL'): NotificationMessage =>
    status === 'CONFIRMED'
      ? {
          kind: 'BOOTH_BOOKING_CONFIRMED',
          zh: { title: '展位预订成功', body: `「${b.eventTitle}」${what(b).zh}已为「${b.employerName}」确认。` },
          en: { title: 'Booking confirmed', body: `${what(b).en} at "${b.eventTitle}" is confirmed for "${b.employerName}".` },
          link,
          data: { bookingId: b.bookingId, eventId: b.eventId },
        }
      : {
          kind: 'BOOTH_BOOKING_PENDING',
          zh: { title: '展位预订待审核', body: `「${b.eventTitle}」${what(b).zh}已提交，等待主办方审核。` },
          en: { title: 'Booking awaiting approval', body: `${what(b).en} at "${b.eventTitle}" awaits the organizer's approval.` },
          link,
          data: { bookingId: b.bookingId, eventId: b.eventId },
        },
  approved: (b: BookingRef): NotificationMessage => ({
    kind: 'BOOTH_BOOKING_APPROVED',
    zh: { title: '展位预订已通过', body: `「${b.eventTitle}」${what(b).zh}已通过审核。` },
    en: { title: 'Booking approved', body: `${what(b).en} at "${b.eventTitle}" was approved.` },
    link,
    data: { bookingId: b.bookingId, eventId: b.eventId },
  }),
  rejected: (b: BookingRef, reason: string): NotificationMessage => ({
    kind: 'BOOTH_BOOKING_REJECTED',
    zh: { title: '展位预订未通过', body: `「${b.eventTitle}」${what(b).zh}未通过审核，原因：${reason}` },
    en: { title: 'Booking rejected', body: `${what(b).en} at "${b.eventTitle}" was rejected. Reason: ${reason}` },
    link,
    data: { bookingId: b.bookingId, eventId: b.eventId, reason },
  }),
  cancelled: (b: BookingRef, reason: string | null, byOrganizer: boolean): NotificationMessage => ({
    kind: 'BOOTH_BOOKING_CANCELLED',
    zh: { title: '展位预订已取消', body: `「${b.eventTitle}」${what(b).zh}已${byOrganizer ? '被主办方' : ''}取消${reason ? `，原因：${reason}` : '。'}` },
    en: { title: 'Booking cancelled', body: `${what(b).en} at "${b.eventTitle}" was cancelled${byOrganizer ? ' by the organizer' : ''}${reason ? `. Reason: ${reason}` : '.'}` },
    link,
    data: { bookingId: b.bookingId, eventId: b.eventId, reason },
  }),
  moved: (b: BookingRef, previous: string): NotificationMessage => ({
    kind: 'BOOTH_BOOKING_MOVED',
    zh: { title: '展位已调整', body: `主办方将「${b.employerName}」在「${b.eventTitle}」的展位由 ${previous} 调整为 ${b.boothCode}。` },
    en: { title: 'Booth changed', body: `The organizer moved "${b.employerName}" at "${b.eventTitle}" from booth ${previous} to ${b.boothCode}.` },
    link,
    data: { bookingId: b.bookingId, eventId: b.eventId, previousBoothCode: previous },
  }),
  offered: (b: BookingRef, expiresAt: string): NotificationMessage => ({
    kind: 'BOOTH_WAITLIST_OFFER',
    zh: { title: '候补展位可预订', body: `「${b.eventTitle}」有${what(b).zh}空出，请在 ${expiresAt} 前确认接受。` },
    en: { title: 'A booth is offered to you', body: `${what(b).en} at "${b.eventTitle}" is free for you; accept before ${expiresAt}.` },
    link,
    data: { bookingId: b.bookingId, eventId: b.eventId, expiresAt },
  }),
  fairRescheduled: (e: { eventId: string; eventTitle: string; startsAt: string }): NotificationMessage => ({
    kind: 'BOOTH_FAIR_RESCHEDULED',
    zh: { title: '招聘会时间调整', body: `您已预订展位的「${e.eventTitle}」改期至 ${e.startsAt}，展位保留不变。` },
    en: { title: 'Fair rescheduled', body: `"${e.eventTitle}", where you have a booking, now starts ${e.startsAt}; your booking stands.` },
    link,
    data: { eventId: e.eventId, startsAt: e.startsAt },
  }),
};
