import './region.loaders.js';
import { Module } from '@nestjs/common';
import { RegionsResolver } from './regions.resolver.js';
import { RegionsService } from './regions.service.js';

@Module({ providers: [RegionsService, RegionsResolver], exports: [RegionsService] })
export class RegionsModule {}
