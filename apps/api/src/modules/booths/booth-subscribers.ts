import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DomainEvent } from '../../common/domain-events/domain-event-map.js';
import { OnDomainEvent, WithinTransaction } from '../../common/domain-events/on-domain-event.decorator.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { BoothNotificationMessages as M } from './booth-notification-messages.js';
import { BoothsService } from './booths.service.js';
import '../events/event.domain-events.js';
import './booth.domain-events.js';

/** The calendar's changes, followed in the same transaction (a cancelled fair's bookings end with it). */
@Injectable()
export class BoothCalendarFollower {
  constructor(private readonly booths: BoothsService) {}

  @WithinTransaction(['event.cancelled', 'event.rescheduled'])
  async follow(m: EntityManager, e: DomainEvent<'event.cancelled' | 'event.rescheduled'>): Promise<void> {
    if (e.name === 'event.cancelled') {
      const p = e.payload as DomainEvent<'event.cancelled'>['payload'];
      await this.booths.cancelAllForFair(m, p.eventId, p.reason);
    } else {
      const p = e.payload as DomainEvent<'event.rescheduled'>['payload'];
      await this.booths.noticeRescheduled(m, p.eventId, p.title, p.startsAt);
    }
  }
}

/** Tells the employer's members about every change to its booking (and pushes the map when a fair is cancelled). */
@Injectable()
export class BoothNotificationsSubscriber {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly booths: BoothsService,
  ) {}

  private async post(eventId: string, employerId: string, message: ReturnType<(typeof M)['approved']>): Promise<void> {
    await this.notifications.postForEvent(eventId, await this.notifications.employerMemberIds(employerId), message);
  }

  @OnDomainEvent('booth.booking-confirmed')
  async confirmed(e: DomainEvent<'booth.booking-confirmed'>): Promise<void> {
    await this.post(e.id, e.payload.employerId, M.confirmed(e.payload, e.payload.status));
  }

  @OnDomainEvent('booth.booking-approved')
  async approved(e: DomainEvent<'booth.booking-approved'>): Promise<void> {
    await this.post(e.id, e.payload.employerId, M.approved(e.payload));
  }

  @OnDomainEvent('booth.booking-rejected')
  async rejected(e: DomainEvent<'booth.booking-rejected'>): Promise<void> {
    await this.post(e.id, e.payload.employerId, M.rejected(e.payload, e.payload.reason));
  }

  @OnDomainEvent('booth.booking-cancelled')
  async cancelled(e: DomainEvent<'booth.booking-cancelled'>): Promise<void> {
    await this.post(e.id, e.payload.employerId, M.cancelled(e.payload, e.payload.reason, e.payload.byOrganizer));
    // A fair cancellation ends bookings inside the calendar's transaction; the map is pushed from here, after commit.
    const booking = await this.booths.bookingById(e.payload.bookingId).catch(() => null);
    if (booking?.boothId) await this.booths.push([{ eventId: booking.eventId, boothId: booking.boothId }]);
  }

  @OnDomainEvent('booth.booking-moved')
  async moved(e: DomainEvent<'booth.booking-moved'>): Promise<void> {
    await this.post(e.id, e.payload.employerId, M.moved(e.payload, e.payload.previousBoothCode));
  }

  @OnDomainEvent('booth.offer-made')
  async offered(e: DomainEvent<'booth.offer-made'>): Promise<void> {
    await this.post(e.id, e.payload.employerId, M.offered(e.payload, e.payload.expiresAt));
  }

  @OnDomainEvent('booth.fair-rescheduled')
  async rescheduled(e: DomainEvent<'booth.fair-rescheduled'>): Promise<void> {
    const users = (await Promise.all(e.payload.employerIds.map((id) => this.notifications.employerMemberIds(id)))).flat();
    await this.notifications.postForEvent(e.id, users, M.fairRescheduled(e.payload));
  }
}
