import { Module } from '@nestjs/common';
import { PermissionRegistry } from '../../common/permissions/permission-registry.js';
import { EventsModule } from '../events/events.module.js';
import { HolidaysModule } from '../holidays/holidays.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { HolidayClashSubscriber } from './holiday-clash.subscriber.js';
import { holidayClashRules } from './holiday-clashes.permissions.js';
import { HolidayClashesResolver } from './holiday-clashes.resolver.js';
import { HolidayClashesService } from './holiday-clashes.service.js';

/** Occurrences that a later-entered holiday schedule puts on a holiday: listed, notified, resolved by policy. */
@Module({
  imports: [EventsModule, HolidaysModule, NotificationsModule],
  providers: [HolidayClashesService, HolidayClashesResolver, HolidayClashSubscriber],
})
export class HolidayClashesModule {
  constructor(registry: PermissionRegistry) {
    registry.register(holidayClashRules);
  }
}
