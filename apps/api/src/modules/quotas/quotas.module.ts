import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Measures } from '../../common/measures/measures.js';
import { PermissionRegistry } from '../../common/permissions/permission-registry.js';
import { HolidaysModule } from '../holidays/holidays.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { eventsCompletedMeasure } from './events-completed.measure.js';
import { QuotaAlertsJob } from './quota-alerts.job.js';
import { QuotaDashboardCache } from './quota-dashboard.cache.js';
import { QuotaFreshnessSubscriber } from './quota-freshness.subscriber.js';
import { QuotaDefinitionsService } from './quota-definitions.service.js';
import { QuotaEventsService } from './quota-events.service.js';
import { QuotaLedgerController } from './quota-ledger.controller.js';
import { QuotaLedgerService } from './quota-ledger.service.js';
import { QuotaProgressService } from './quota-progress.service.js';
import { quotaRules } from './quotas.permissions.js';
import { QuotasResolver } from './quotas.resolver.js';

/** Quota tracking (docs/quotas.md): definitions, progress from the measures, alerts, ledgers. */
@Module({
  imports: [HolidaysModule, NotificationsModule],
  controllers: [QuotaLedgerController],
  providers: [QuotaDashboardCache, QuotaFreshnessSubscriber, QuotaDefinitionsService, QuotaProgressService, QuotaEventsService, QuotaLedgerService, QuotaAlertsJob, QuotasResolver],
  exports: [QuotaProgressService],
})
export class QuotasModule {
  constructor(registry: PermissionRegistry, measures: Measures, ds: DataSource) {
    registry.register(quotaRules);
    // The one measure the quota capability answers itself: completed events (the event table is the calendar's record).
    measures.provide(eventsCompletedMeasure(ds));
  }
}
