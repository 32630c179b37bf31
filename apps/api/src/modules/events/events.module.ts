import './event.loaders.js';
import { Module } from '@nestjs/common';
import { PermissionRegistry } from '../../common/permissions/permission-registry.js';
import { HolidaysModule } from '../holidays/holidays.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { CoHostsResolver } from './co-hosts.resolver.js';
import { EventAttachmentsService } from './event-attachments.service.js';
import { EventSeriesResolver } from './event-series.resolver.js';
import { EventSeriesService } from './event-series.service.js';
import { EventDetailsResolver, EventsResolver } from './events.resolver.js';
import { EventPageResolver, EventRangeResolver } from './event-list.resolver.js';
import { EventsService } from './events.service.js';
import { EventLifecycleJob } from './event-lifecycle.job.js';
import { EventNotificationsSubscriber } from './event-notifications.subscriber.js';
import { HorizonJob } from './horizon.job.js';
import { EventReferences } from './event-references.js';
import { eventRules } from './events.permissions.js';

@Module({
  imports: [NotificationsModule, HolidaysModule],
  providers: [EventReferences, EventAttachmentsService, EventsService, EventSeriesService, HorizonJob, EventLifecycleJob, EventNotificationsSubscriber, EventsResolver, EventDetailsResolver, EventSeriesResolver, CoHostsResolver, EventPageResolver, EventRangeResolver],
  exports: [EventAttachmentsService, EventsService, EventSeriesService, HorizonJob],
})
export class EventsModule {
  constructor(registry: PermissionRegistry) {
    registry.register(eventRules);
  }
}
