import './application.loaders.js';
import { Module } from '@nestjs/common';
import { PermissionRegistry } from '../../common/permissions/permission-registry.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { PostingsModule } from '../postings/postings.module.js';
import { ApplicationNotificationsSubscriber } from './application-notifications.subscriber.js';
import { applicationRules } from './applications.permissions.js';
import { ApplyThrottleService } from './apply-throttle.service.js';
import { ApplicationsResolver, PostingApplicationFunnelResolver } from './applications.resolver.js';
import { ApplicationsService } from './applications.service.js';
import { ResumeResolver } from './resume.resolver.js';
import { ResumeService } from './resume.service.js';

/** Applications (投递): seekers apply with their résumé, employers move them through the hiring pipeline, funnels. */
@Module({
  imports: [NotificationsModule, PostingsModule],
  providers: [ApplicationsService, ApplyThrottleService, ResumeService, ApplicationsResolver, PostingApplicationFunnelResolver, ResumeResolver, ApplicationNotificationsSubscriber],
  exports: [ApplicationsService],
})
export class ApplicationsModule {
  constructor(registry: PermissionRegistry) {
    registry.register(applicationRules);
  }
}
