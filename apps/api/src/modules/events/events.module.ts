import { Module } from '@nestjs/common';
import { HolidaysModule } from '../holidays/holidays.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { CoHostsResolver } from './co-hosts.resolver.js';
import { EventAttachmentsService } from './event-attachments.service.js';
import { EventSeriesResolver } from './event-series.resolver.js';
import { EventSeriesService } from './event-series.service.js';
import { EventDetailsResolver, EventsResolver } from './events.resolver.js';
import { EventPageResolver, EventRangeResolver } from './event-list.resolver.js';
import { EventsService } from './events.service.js';
import { HorizonJob } from './horizon.job.js';

@Module({
  imports: [NotificationsModule, HolidaysModule],
  providers: [EventAttachmentsService, EventsService, EventSeriesService, HorizonJob, EventsResolver, EventDetailsResolver, EventSeriesResolver, CoHostsResolver, EventPageResolver, EventRangeResolver],
  exports: [EventAttachmentsService, EventsService, EventSeriesService, HorizonJob],
})
export class EventsModule {}
