import { Injectable } from '@nestjs/common';
import type { DomainEvent } from '../../common/domain-events/domain-event-map.js';
import { OnDomainEvent } from '../../common/domain-events/on-domain-event.decorator.js';
import { QuotaDashboardCache } from './quota-dashboard.cache.js';
import '../events/event.domain-events.js';
import '../holidays/holiday.domain-events.js';

/**
 * Events that move quota figures at once (an event completed, cancelled, moved or edited; a year's
 * holidays): the process working the job forgets its cached dashboards. Check-ins record no domain
 * event (thousands an hour); they, and the other processes' caches, show within DASHBOARD_MAX_STALE_MS.
 */
@Injectable()
export class QuotaFreshnessSubscriber {
  constructor(private readonly cache: QuotaDashboardCache) {}

  @OnDomainEvent(['event.completed', 'event.cancelled', 'event.rescheduled', 'event.updated', 'holidays.changed'])
  async forgetDashboards(_e: DomainEvent<'event.completed' | 'event.cancelled' | 'event.rescheduled' | 'event.updated' | 'holidays.changed'>): Promise<void> {
    this.cache.invalidate();
  }
}
