import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DomainEvent } from '../../common/domain-events/domain-event-map.js';
import { OnDomainEvent } from '../../common/domain-events/on-domain-event.decorator.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { ApplicationNotificationMessages } from './application-notification-messages.js';
import './application.domain-events.js';

/** Tells the employer about new and withdrawn applications, and the seeker about every move. */
@Injectable()
export class ApplicationNotificationsSubscriber {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly ds: DataSource,
  ) {}

  private async applicantName(applicationId: string): Promise<string> {
    const rows: Array<{ name: string }> = await this.ds.query(`SELECT applicant_name AS name FROM job_application WHERE id = $1`, [applicationId]);
    return rows[0]?.name ?? '';
  }

  @OnDomainEvent('application.submitted')
  async notifyEmployer(e: DomainEvent<'application.submitted'>): Promise<void> {
    const p = e.payload;
    const fair: Array<{ title: string }> = p.eventId ? await this.ds.query(`SELECT title FROM event WHERE id = $1`, [p.eventId]) : [];
    const message = ApplicationNotificationMessages.received(p, await this.applicantName(p.applicationId), fair[0]?.title ?? null);
    await this.notifications.postForEvent(e.id, await this.notifications.employerMemberIds(p.employerId), message);
  }

  @OnDomainEvent('application.status-changed')
  async notifySeeker(e: DomainEvent<'application.status-changed'>): Promise<void> {
    const p = e.payload;
    await this.notifications.postForEvent(e.id, [p.seekerId], ApplicationNotificationMessages.statusChanged(p, p.to, p.reason));
  }

  @OnDomainEvent('application.withdrawn')
  async notifyWithdrawn(e: DomainEvent<'application.withdrawn'>): Promise<void> {
    const p = e.payload;
    const message = ApplicationNotificationMessages.withdrawn(p, await this.applicantName(p.applicationId));
    await this.notifications.postForEvent(e.id, await this.notifications.employerMemberIds(p.employerId), message);
  }
}
