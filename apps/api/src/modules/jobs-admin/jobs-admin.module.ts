import { Module } from '@nestjs/common';
import { PermissionRegistry } from '../../common/permissions/permission-registry.js';
import { jobsAdminRules } from './jobs-admin.permissions.js';
import { JobsAdminResolver } from './jobs-admin.resolver.js';

@Module({ providers: [JobsAdminResolver] })
export class JobsAdminModule {
  constructor(registry: PermissionRegistry) {
    registry.register(jobsAdminRules);
  }
}
