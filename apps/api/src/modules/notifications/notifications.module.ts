import { Module } from '@nestjs/common';
import { PermissionRegistry } from '../../common/permissions/permission-registry.js';
import { notificationRules } from './notifications.permissions.js';
import { NotificationsGateway } from './notifications.gateway.js';
import { NotificationsResolver } from './notifications.resolver.js';
import { NotificationsService } from './notifications.service.js';

@Module({
  providers: [NotificationsService, NotificationsGateway, NotificationsResolver],
  exports: [NotificationsService, NotificationsGateway],
})
export class NotificationsModule {
  constructor(registry: PermissionRegistry) {
    registry.register(notificationRules);
  }
}
