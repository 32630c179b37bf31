import { Injectable } from '@nestjs/common';
import type { DomainEvent } from '../../common/domain-events/domain-event-map.js';
import { OnDomainEvent } from '../../common/domain-events/on-domain-event.decorator.js';
import type { NotificationMessage } from '../notifications/notification-messages.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import './attendance.domain-events.js';

/** What attendance tells people, in both languages. */
export const AttendanceNotificationMessages = {
  promoted: (p: { title: string; registrationId: string; eventId: string | null; seriesId: string | null }): NotificationMessage => ({
    kind: 'WAITLIST_PROMOTED',
    zh: { title: '候补成功，您已获得名额', body: `「${p.title}」有空位了：您已从候补转为正式报名，入场票码可在"我的报名"中查看。` },
    en: { title: 'You are off the waitlist', body: `A seat came free at "${p.title}": you are now registered; your ticket is in My registrations.` },
    link: '/seeker/registrations',
    data: { registrationId: p.registrationId, eventId: p.eventId, seriesId: p.seriesId },
  }),
};

/** Tells seekers moved up from a waitlist (in-app, through the outbox). */
@Injectable()
export class AttendanceNotificationsSubscriber {
  constructor(private readonly notifications: NotificationsService) {}

  @OnDomainEvent('attendance.waitlist-promoted')
  async notifyPromoted(e: DomainEvent<'attendance.waitlist-promoted'>): Promise<void> {
    for (const r of e.payload.registrations) {
      if (!r.userId) continue;
      await this.notifications.postForEvent(e.id, [r.userId], AttendanceNotificationMessages.promoted({ ...e.payload, registrationId: r.registrationId }));
    }
  }
}
