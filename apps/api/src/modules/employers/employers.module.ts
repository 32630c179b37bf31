import { RegionsModule } from '../regions/regions.module.js';
import './employer.loaders.js';
import { Module } from '@nestjs/common';
import { PermissionRegistry } from '../../common/permissions/permission-registry.js';
import { employerRules } from './employers.permissions.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { EmployerNotificationsSubscriber } from './employer-notifications.subscriber.js';
import { EmployersResolver } from './employers.resolver.js';
import { EmployersService } from './employers.service.js';

@Module({ imports: [NotificationsModule, RegionsModule], providers: [EmployersService, EmployersResolver, EmployerNotificationsSubscriber], exports: [EmployersService] })
export class EmployersModule {
  constructor(registry: PermissionRegistry) {
    registry.register(employerRules);
  }
}
