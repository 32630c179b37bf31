import { Module } from '@nestjs/common';
import { PermissionRegistry } from '../../common/permissions/permission-registry.js';
import { holidayRules } from './holidays.permissions.js';
import { HolidaysResolver } from './holidays.resolver.js';
import { HolidaysService } from './holidays.service.js';

@Module({ providers: [HolidaysService, HolidaysResolver], exports: [HolidaysService] })
export class HolidaysModule {
  constructor(registry: PermissionRegistry) {
    registry.register(holidayRules);
  }
}
