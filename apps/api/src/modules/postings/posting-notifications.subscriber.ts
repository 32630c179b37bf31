import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DomainEvent } from '../../common/domain-events/domain-event-map.js';
import { OnDomainEvent } from '../../common/domain-events/on-domain-event.decorator.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { PostingNotificationMessages } from './posting-notification-messages.js';
import './posting.domain-events.js';

/** Asks the employer region's organizers to review a posting, and tells the employer decisions and expiry. */
@Injectable()
export class PostingNotificationsSubscriber {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly ds: DataSource,
  ) {}

  @OnDomainEvent('posting.submitted')
  async notifyReviewers(e: DomainEvent<'posting.submitted'>): Promise<void> {
    const p = e.payload;
    const rows: Array<{ name: string }> = await this.ds.query(`SELECT name FROM employer WHERE id = $1`, [p.employerId]);
    const organizers = await this.notifications.regionOrganizerIds(p.regionCode);
    await this.notifications.postForEvent(e.id, organizers, PostingNotificationMessages.postingAwaitingReview({ id: p.postingId, title: p.title }, rows[0]?.name ?? '', p.edit));
  }

  @OnDomainEvent(['posting.approved', 'posting.rejected'])
  async notifyDecision(e: DomainEvent<'posting.approved' | 'posting.rejected'>): Promise<void> {
    const p = e.payload;
    const ref = { id: p.postingId, title: p.title };
    const message = 'reason' in p ? PostingNotificationMessages.postingRejected(ref, p.reason) : PostingNotificationMessages.postingApproved(ref);
    await this.notifications.postForEvent(e.id, await this.notifications.employerMemberIds(p.employerId), message);
  }

  @OnDomainEvent('posting.expired')
  async notifyExpired(e: DomainEvent<'posting.expired'>): Promise<void> {
    const byEmployer = new Map<string, string[]>();
    for (const p of e.payload.postings) byEmployer.set(p.employerId, [...(byEmployer.get(p.employerId) ?? []), p.title]);
    // One notification per member across employers: postForEvent is idempotent per (event, user).
    const recipients: Array<{ userId: string; titles: string[] }> = [];
    for (const [employerId, titles] of byEmployer) {
      for (const userId of await this.notifications.employerMemberIds(employerId)) recipients.push({ userId, titles });
    }
    for (const r of recipients) await this.notifications.postForEvent(e.id, [r.userId], PostingNotificationMessages.postingsExpired(r.titles.slice(0, 10)));
  }
}
