import './venue.loaders.js';
import { Module } from '@nestjs/common';
import { VenuesResolver } from './venues.resolver.js';
import { VenuesService } from './venues.service.js';

@Module({ providers: [VenuesService, VenuesResolver], exports: [VenuesService] })
export class VenuesModule {}
