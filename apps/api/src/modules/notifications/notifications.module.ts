import { Module } from '@nestjs/common';
import { TokensModule } from '../auth/tokens.module.js';
import { NotificationsGateway } from './notifications.gateway.js';
import { NotificationsResolver } from './notifications.resolver.js';
import { NotificationsService } from './notifications.service.js';

@Module({
  imports: [TokensModule],
  providers: [NotificationsService, NotificationsGateway, NotificationsResolver],
  exports: [NotificationsService],
})
export class NotificationsModule {}
