import './user.loaders.js';
import { Module } from '@nestjs/common';
import { PermissionRegistry } from '../../common/permissions/permission-registry.js';
import { userRules } from './users.permissions.js';
import { RegionsModule } from '../regions/regions.module.js';
import { StaffAccountsService } from './staff-accounts.service.js';
import { UserAdminService } from './user-admin.service.js';
import { UsersResolver } from './users.resolver.js';
import { UsersService } from './users.service.js';

@Module({ imports: [RegionsModule], providers: [UsersService, StaffAccountsService, UserAdminService, UsersResolver], exports: [UsersService] })
export class UsersModule {
  constructor(registry: PermissionRegistry) {
    registry.register(userRules);
  }
}
