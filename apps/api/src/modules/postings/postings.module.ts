import './posting.loaders.js';
import { Module } from '@nestjs/common';
import { FairFacts } from '../../common/fairs/fair-facts.js';
import { PermissionRegistry } from '../../common/permissions/permission-registry.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { PostingExpiryJob } from './posting-expiry.job.js';
import { PostingListsResolver } from './posting-lists.resolver.js';
import { PostingListsService } from './posting-lists.service.js';
import { PostingNotificationsSubscriber } from './posting-notifications.subscriber.js';
import { PostingsExportController } from './postings-export.controller.js';
import { postingRules } from './postings.permissions.js';
import { PostingsResolver } from './postings.resolver.js';
import { PostingsService } from './postings.service.js';
import { SpotCheckItemResolver, SpotChecksResolver } from './spot-checks.resolver.js';
import { SpotChecksService } from './spot-checks.service.js';

/** Job postings (岗位): writing, review with flags, urgent-shortage list, validity spot-checks, board exports. */
@Module({
  imports: [NotificationsModule],
  controllers: [PostingsExportController],
  providers: [
    PostingsService,
    PostingListsService,
    SpotChecksService,
    PostingsResolver,
    PostingListsResolver,
    SpotChecksResolver,
    SpotCheckItemResolver,
    PostingNotificationsSubscriber,
    PostingExpiryJob,
  ],
  exports: [PostingsService],
})
export class PostingsModule {
  constructor(registry: PermissionRegistry, fairFacts: FairFacts, postings: PostingsService) {
    registry.register(postingRules);
    // Booth booking may require an approved posting; it asks through the core seam, not this module.
    fairFacts.provideApprovedPostings((employerId, manager) => postings.approvedCount(employerId, manager));
    fairFacts.providePostingHeadcount((employerIds, manager) => postings.approvedHeadcount(employerIds, manager));
  }
}
