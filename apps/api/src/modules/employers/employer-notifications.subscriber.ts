import { Injectable } from '@nestjs/common';
import type { DomainEvent } from '../../common/domain-events/domain-event-map.js';
import { OnDomainEvent } from '../../common/domain-events/on-domain-event.decorator.js';
import { EmployerNotificationMessages } from './employer-notification-messages.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import './employer.domain-events.js';

/** Asks organizers to review a new employer, and tells an employer's members the outcome. */
@Injectable()
export class EmployerNotificationsSubscriber {
  constructor(private readonly notifications: NotificationsService) {}

  @OnDomainEvent('employer.registered')
  async notifyOrganizers(e: DomainEvent<'employer.registered'>): Promise<void> {
    const p = e.payload;
    const organizers = await this.notifications.regionOrganizerIds(p.regionCode);
    await this.notifications.postForEvent(e.id, organizers, EmployerNotificationMessages.employerAwaitingReview({ id: p.employerId, name: p.name }));
  }

  @OnDomainEvent('employer.resubmitted')
  async notifyResubmitted(e: DomainEvent<'employer.resubmitted'>): Promise<void> {
    const p = e.payload;
    const organizers = await this.notifications.regionOrganizerIds(p.regionCode);
    await this.notifications.postForEvent(e.id, organizers, EmployerNotificationMessages.employerResubmitted({ id: p.employerId, name: p.name }));
  }

  @OnDomainEvent('employer.revoked')
  async notifyRevoked(e: DomainEvent<'employer.revoked'>): Promise<void> {
    const p = e.payload;
    const message = EmployerNotificationMessages.employerRevoked({ id: p.employerId, name: p.name }, p.reason);
    await this.notifications.postForEvent(e.id, await this.notifications.employerMemberIds(p.employerId), message);
  }

  @OnDomainEvent(['employer.verified', 'employer.rejected'])
  async notifyReviewed(e: DomainEvent<'employer.verified' | 'employer.rejected'>): Promise<void> {
    const p = e.payload;
    const employer = { id: p.employerId, name: p.name };
    const message = 'reason' in p ? EmployerNotificationMessages.employerRejected(employer, p.reason) : EmployerNotificationMessages.employerVerified(employer);
    await this.notifications.postForEvent(e.id, await this.notifications.employerMemberIds(p.employerId), message);
  }
}
