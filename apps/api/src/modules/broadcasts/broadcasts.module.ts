import './broadcast.loaders.js';
import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Measures } from '../../common/measures/measures.js';
import { PermissionRegistry } from '../../common/permissions/permission-registry.js';
import { ApplicationsModule } from '../applications/applications.module.js';
import { AutopilotRunner } from './autopilot.runner.js';
import { BroadcastLiveService } from './broadcast-live.service.js';
import { broadcastMeasures } from './broadcast-measures.js';
import { BroadcastStatsService } from './broadcast-stats.service.js';
import { BroadcastsController } from './broadcasts.controller.js';
import { BroadcastsGateway } from './broadcasts.gateway.js';
import { broadcastRules } from './broadcasts.permissions.js';
import { BroadcastsResolver } from './broadcasts.resolver.js';
import { BroadcastsService } from './broadcasts.service.js';
import { LiveChannel } from './live-channel.js';
import { ViewerLedger } from './viewer-ledger.js';

/** Livestream job promotion (直播带岗, docs/livestream.md). */
@Module({
  imports: [ApplicationsModule],
  controllers: [BroadcastsController],
  providers: [
    BroadcastsService,
    BroadcastLiveService,
    BroadcastStatsService,
    BroadcastsResolver,
    BroadcastsGateway,
    LiveChannel,
    ViewerLedger,
    AutopilotRunner,
  ],
  exports: [BroadcastsService, BroadcastLiveService, AutopilotRunner],
})
export class BroadcastsModule {
  constructor(registry: PermissionRegistry, measures: Measures, ds: DataSource) {
    registry.register(broadcastRules);
    for (const m of broadcastMeasures(() => ds.manager)) measures.provide(m);
  }
}
