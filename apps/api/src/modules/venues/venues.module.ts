import './venue.loaders.js';
import { Module } from '@nestjs/common';
import { PermissionRegistry } from '../../common/permissions/permission-registry.js';
import { venueRules } from './venues.permissions.js';
import { VenuesResolver } from './venues.resolver.js';
import { VenuesService } from './venues.service.js';

@Module({ providers: [VenuesService, VenuesResolver], exports: [VenuesService] })
export class VenuesModule {
  constructor(registry: PermissionRegistry) {
    registry.register(venueRules);
  }
}
