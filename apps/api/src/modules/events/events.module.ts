import './event.loaders.js';
import { Module } from '@nestjs/common';
import { PermissionRegistry } from '../../common/permissions/permission-registry.js';
import { HolidaysModule } from '../holidays/holidays.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { CoHostsResolver } from './co-hosts/co-hosts.resolver.js';
import { EventCoHosts } from './co-hosts/event-co-hosts.service.js';
import { EventAttachmentsService } from './event-attachments.service.js';
import { EventChecks } from './event-checks.service.js';
import { EventNotificationsSubscriber } from './event-notifications.subscriber.js';
import { EventReferences } from './event-references.js';
import { eventRules } from './events.permissions.js';
import { EventLifecycleJob } from './occurrences/event-lifecycle.job.js';
import { EventPageResolver, EventRangeResolver } from './occurrences/event-list.resolver.js';
import { EventDetailsResolver, EventsResolver } from './occurrences/events.resolver.js';
import { EventsService } from './occurrences/events.service.js';
import { EventSeriesResolver } from './series/event-series.resolver.js';
import { EventSeriesService } from './series/event-series.service.js';
import { HorizonJob } from './series/horizon.job.js';
import { SeriesEditsService } from './series/series-edits.service.js';

/**
 * Events (活动) in three parts that share the feature's entity, checks and writer (docs/calendar.md):
 * `occurrences/` (list, create, edit one, publish, cancel, reschedule, complete, staff),
 * `series/` (series, scope edits, the horizon job) and `co-hosts/` (the maintained list and an event's co-hosts).
 */
@Module({
  imports: [NotificationsModule, HolidaysModule],
  providers: [
    EventReferences, EventChecks, EventCoHosts, EventAttachmentsService, EventNotificationsSubscriber,
    EventsService, EventLifecycleJob, EventsResolver, EventDetailsResolver, EventPageResolver, EventRangeResolver,
    EventSeriesService, SeriesEditsService, HorizonJob, EventSeriesResolver,
    CoHostsResolver,
  ],
  exports: [EventAttachmentsService, EventsService, EventSeriesService, HorizonJob],
})
export class EventsModule {
  constructor(registry: PermissionRegistry) {
    registry.register(eventRules);
  }
}
