import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DomainEvent } from '../../common/domain-events/domain-event-map.js';
import { derivedId } from '../../common/domain-events/derived-id.js';
import { OnDomainEvent } from '../../common/domain-events/on-domain-event.decorator.js';
import type { NotificationMessage } from '../notifications/notification-messages.js';
import { EventNotificationMessages } from './event-notification-messages.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { EventAttachmentsService } from './event-attachments.service.js';
import { EventEntity } from './event.entity.js';
import './event.domain-events.js';

/**
 * Tells everyone attached to a changed event what changed (not the person who changed it).
 * Runs in a worker: "who is attached" is resolved there, not in the request.
 */
@Injectable()
export class EventNotificationsSubscriber {
  constructor(
    private readonly ds: DataSource,
    private readonly attachments: EventAttachmentsService,
    private readonly notifications: NotificationsService,
  ) {}

  @OnDomainEvent('event.cancelled')
  async notifyCancelled(e: DomainEvent<'event.cancelled'>): Promise<void> {
    await this.fanOut(e, [e.payload.eventId], (ev) => EventNotificationMessages.eventCancelled(ev, e.payload.reason));
  }

  @OnDomainEvent('event.rescheduled')
  async notifyRescheduled(e: DomainEvent<'event.rescheduled'>): Promise<void> {
    await this.fanOut(e, [e.payload.eventId], (ev) => EventNotificationMessages.eventRescheduled(ev, new Date(e.payload.previousStartsAt)));
  }

  @OnDomainEvent('event.updated')
  async notifyUpdated(e: DomainEvent<'event.updated'>): Promise<void> {
    await this.fanOut(e, e.payload.eventIds, (ev) => EventNotificationMessages.eventChanged(ev, e.payload.changed));
  }

  private async fanOut(e: DomainEvent, eventIds: string[], message: (ev: EventEntity) => NotificationMessage): Promise<void> {
    if (!eventIds.length) return;
    const events = await this.ds.getRepository(EventEntity).find({ where: eventIds.map((id) => ({ id })), order: { startsAt: 'ASC' } });
    const attached = await this.attachments.usersAttachedTo(events.map((ev) => ev.id));
    for (const ev of events) {
      const users = [...(attached.get(ev.id) ?? [])].filter((u) => u !== e.actor?.id);
      await this.notifications.postForEvent(eventIds.length === 1 ? e.id : derivedId(e.id, ev.id), users, message(ev));
    }
  }
}
