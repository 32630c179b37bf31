import { Injectable } from '@nestjs/common';
import type { DomainEvent } from '../../common/domain-events/domain-event-map.js';
import { derivedId } from '../../common/domain-events/derived-id.js';
import { OnDomainEvent } from '../../common/domain-events/on-domain-event.decorator.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { holidayClashesMessage } from './holiday-clash.messages.js';
import { HolidayClashesService, type HolidayClash } from './holiday-clashes.service.js';
import '../holidays/holiday.domain-events.js';

/**
 * When an admin saves a year's holidays, tells each organizer which of their occurrences now fall on
 * a holiday (one notice per organizer, listing them; the calendar lists them with the one-click move).
 * Idempotent: the notice's key is derived from the domain event and the recipient.
 */
@Injectable()
export class HolidayClashSubscriber {
  constructor(
    private readonly clashes: HolidayClashesService,
    private readonly notifications: NotificationsService,
  ) {}

  @OnDomainEvent('holidays.changed')
  async notifyOrganizers(e: DomainEvent<'holidays.changed'>): Promise<void> {
    const byOrganizer = new Map<string, HolidayClash[]>();
    for (const clash of await this.clashes.list({ year: e.payload.year })) {
      byOrganizer.set(clash.createdBy, [...(byOrganizer.get(clash.createdBy) ?? []), clash]);
    }
    for (const [userId, list] of byOrganizer) {
      await this.notifications.postForEvent(derivedId(e.id, userId), [userId], holidayClashesMessage(e.payload.year, list));
    }
  }
}
