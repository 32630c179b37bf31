import { Module } from '@nestjs/common';
import { PermissionRegistry } from '../../common/permissions/permission-registry.js';
import { calendarFeedRules } from './calendar-feeds.permissions.js';
import { EventsModule } from '../events/events.module.js';
import { CalendarFeedsController } from './calendar-feeds.controller.js';
import { CalendarFeedsResolver } from './calendar-feeds.resolver.js';
import { CalendarFeedsService } from './calendar-feeds.service.js';
import { PrivateFeedEntries } from './private-feed-entries.js';

@Module({ imports: [EventsModule], controllers: [CalendarFeedsController], providers: [CalendarFeedsService, CalendarFeedsResolver, PrivateFeedEntries],
  exports: [PrivateFeedEntries],
})
export class CalendarFeedsModule {
  constructor(registry: PermissionRegistry) {
    registry.register(calendarFeedRules);
  }
}
