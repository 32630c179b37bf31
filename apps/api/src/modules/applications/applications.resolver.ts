import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { canMoveApplication, nextApplicationStatuses } from '@leye/domain';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor } from '../../common/auth/decorators.js';
import type { GraphQLContext } from '../../common/graphql/loaders.js';
import { Allow } from '../../common/permissions/allow.decorator.js';
import { Permissions } from '../../common/permissions/permissions.service.js';
import { notFound } from '../../common/errors/app-error.js';
import { UnmaskedViews } from '../../common/domain-events/unmasked-views.js';
import { JobPostingType } from '../postings/posting.types.js';
import { PostingsService } from '../postings/postings.service.js';
import { ApplicationErrors } from './application.exception.js';
import {
  ApplicationFunnelType,
  ApplicationViewerCanType,
  FairFunnelType,
  JobApplicationPage,
  JobApplicationType,
  MyApplicationStateType,
  PostingFunnelType,
  toApplicationType,
  type ApplicationRow,
} from './application.types.js';
import { ApplicationsService, type Funnel } from './applications.service.js';
import { ApplyThrottleService } from './apply-throttle.service.js';
import {
  ApplicationIdArgs,
  ApplyInput,
  FairFunnelArgs,
  MoveApplicationArgs,
  MyApplicationsArgs,
  PostingApplicationsArgs,
  PostingFunnelArgs,
  PostingIdsArgs,
} from './dtos/application.inputs.js';

const funnelType = (f: Funnel) => Object.assign(new ApplicationFunnelType(), f);

@Resolver(() => JobApplicationType)
export class ApplicationsResolver {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly postings: PostingsService,
    private readonly permissions: Permissions,
    private readonly unmaskedViews: UnmaskedViews,
    private readonly applyThrottle: ApplyThrottleService,
  ) {}

  private viewerCan(actor: Actor | undefined, row: ApplicationRow): ApplicationViewerCanType {
    const seeker = this.permissions.can(actor, 'application.withdraw', row);
    const employer = this.permissions.can(actor, 'application.move', row);
    return Object.assign(new ApplicationViewerCanType(), {
      withdraw: seeker && canMoveApplication(row.status, 'WITHDRAWN', 'SEEKER'),
      moveTo: employer ? [...nextApplicationStatuses(row.status, 'EMPLOYER')] : [],
    });
  }

  /** `full`: unmasked contact and the introduction (the single view for its seeker or employer). */
  private view(actor: Actor | undefined, row: ApplicationRow, full: boolean): JobApplicationType {
    return toApplicationType(row, { full, viewerCan: this.viewerCan(actor, row) });
  }

  /** An application the caller may read, or NOT_FOUND (another firm's applicant does not exist for it). */
  private async readable(actor: Actor, id: string): Promise<ApplicationRow> {
    const row = await this.applications.findById(id);
    if (!this.permissions.can(actor, 'application.read', row)) throw ApplicationErrors.notFound();
    return row;
  }

  @Allow('application.apply')
  @Mutation(() => JobApplicationType, {
    description: 'A seeker applies to an approved, unexpired posting with their profile as the résumé (snapshotted). Once per posting: a second apply, also a concurrent one, gets CONFLICT ALREADY_APPLIED with the existing application id.',
  })
  async applyToPosting(@CurrentActor() actor: Actor, @Args('input') input: ApplyInput): Promise<JobApplicationType> {
    await this.applyThrottle.reserve(actor);
    return this.view(actor, await this.applications.apply(actor, input), true);
  }

  @Allow('application.listMine')
  @Query(() => JobApplicationPage, { description: "The seeker's applications and where each stands, newest first." })
  async myApplications(@CurrentActor() actor: Actor, @Args() args: MyApplicationsArgs): Promise<JobApplicationPage> {
    const page = await this.applications.listMine(actor.id, args);
    return Object.assign(new JobApplicationPage(), { total: page.total, items: page.items.map((r) => this.view(actor, r, true)) });
  }

  @Allow('application.listMine')
  @Query(() => [MyApplicationStateType], { description: 'For "apply" buttons: the caller\'s application (if any) to each of these postings.' })
  async myApplicationStates(@CurrentActor() actor: Actor, @Args() { postingIds }: PostingIdsArgs): Promise<MyApplicationStateType[]> {
    return (await this.applications.statesFor(actor.id, postingIds)).map((s) => Object.assign(new MyApplicationStateType(), s));
  }

  @Query(() => JobApplicationType, { description: 'One application: its seeker, or the posting\'s employer (full contact). Others: NOT_FOUND.' })
  async jobApplication(@CurrentActor() actor: Actor, @Args() { id }: ApplicationIdArgs): Promise<JobApplicationType> {
    const row = await this.readable(actor, id);
    // The employer (or staff) sees the applicant's contact in full: audited (docs/privacy.md#audit). The seeker's own view is not.
    if (row.seekerId !== actor.id && (row.applicantPhone || row.applicantEmail)) {
      await this.unmaskedViews.record(actor, { type: 'job_application', id: row.id, regionCode: row.employerRegionCode, fields: ['phone', 'email'] });
    }
    return this.view(actor, row, true);
  }

  @Query(() => JobApplicationPage, { description: "A posting's applicants, for its employer only; phone and e-mail masked, no introduction." })
  async postingApplications(@CurrentActor() actor: Actor, @Args() args: PostingApplicationsArgs): Promise<JobApplicationPage> {
    const posting = await this.postings.findById(args.postingId);
    const scope = { employerId: posting.employerId, employerRegionCode: posting.employerRegionCode };
    if (!this.permissions.can(actor, 'application.listForPosting', scope)) {
      // As `jobPosting` answers: a posting the caller may not read and the public cannot see does not exist for
      // them (NOT_FOUND, no hint that it does); a posting they can see is FORBIDDEN (its applicants are its employer's).
      if (!this.permissions.can(actor, 'posting.read', posting) && !(await this.postings.findPublic(posting.id))) throw notFound('Posting');
      this.permissions.require(actor, 'application.listForPosting', scope);
    }
    const page = await this.applications.listForPosting(args.postingId, args);
    return Object.assign(new JobApplicationPage(), { total: page.total, items: page.items.map((r) => this.view(actor, r, false)) });
  }

  @Mutation(() => JobApplicationType, { description: 'The employer opens an application: it becomes VIEWED if it was SUBMITTED (the seeker is told); full contact.' })
  async openApplication(@CurrentActor() actor: Actor, @Args() { id }: ApplicationIdArgs): Promise<JobApplicationType> {
    this.permissions.require(actor, 'application.move', await this.readable(actor, id));
    return this.view(actor, await this.applications.transition(actor, id, 'VIEWED', 'EMPLOYER', { quiet: true }), true);
  }

  @Mutation(() => JobApplicationType, {
    description: 'The employer moves an application along the pipeline or rejects it (reason optional). CONFLICT APPLICATION_TRANSITION_INVALID when the state machine does not allow it from where it is now.',
  })
  async moveApplication(@CurrentActor() actor: Actor, @Args() { id, status, reason }: MoveApplicationArgs): Promise<JobApplicationType> {
    this.permissions.require(actor, 'application.move', await this.readable(actor, id));
    return this.view(actor, await this.applications.transition(actor, id, status, 'EMPLOYER', { reason }), true);
  }

  @Mutation(() => JobApplicationType, { description: 'The seeker withdraws an application before an offer.' })
  async withdrawApplication(@CurrentActor() actor: Actor, @Args() { id }: ApplicationIdArgs): Promise<JobApplicationType> {
    this.permissions.require(actor, 'application.withdraw', await this.readable(actor, id));
    return this.view(actor, await this.applications.transition(actor, id, 'WITHDRAWN', 'SEEKER'), true);
  }

  @Query(() => PostingFunnelType, { description: 'How many applications of a posting reached each stage: its employer and organizers covering its region (counts only).' })
  async postingApplicationFunnel(@CurrentActor() actor: Actor, @Args() { postingId }: PostingFunnelArgs): Promise<PostingFunnelType> {
    const p = await this.postings.findById(postingId);
    this.permissions.require(actor, 'application.funnel', p);
    const funnel = (await this.applications.postingFunnels([postingId])).get(postingId) ?? { submitted: 0, viewed: 0, interview: 0, offer: 0, hired: 0, rejected: 0, withdrawn: 0 };
    return Object.assign(new PostingFunnelType(), { postingId, postingTitle: p.title, employerName: p.employerName, funnel: funnelType(funnel) });
  }

  @Query(() => FairFunnelType, { description: "Applications made from a fair's page, per posting and in total: organizers covering the fair's region (counts only)." })
  async fairApplicationFunnel(@CurrentActor() actor: Actor, @Args() { eventId }: FairFunnelArgs): Promise<FairFunnelType> {
    this.permissions.require(actor, 'application.fairFunnel', { regionCode: await this.applications.eventRegion(eventId) });
    const f = await this.applications.fairFunnel(eventId);
    return Object.assign(new FairFunnelType(), {
      eventId,
      total: funnelType(f.total),
      postings: f.postings.map((p) => Object.assign(new PostingFunnelType(), { ...p, funnel: funnelType(p.funnel) })),
    });
  }
}

/** Adds the funnel to a posting for those who may see it (its employer, covering organizers). */
@Resolver(() => JobPostingType)
export class PostingApplicationFunnelResolver {
  constructor(private readonly permissions: Permissions) {}

  @ResolveField(() => ApplicationFunnelType, { nullable: true, description: 'Application counts per stage; null unless the caller is its employer or covers its region.' })
  async applicationFunnel(@Parent() p: JobPostingType, @Context() ctx: GraphQLContext): Promise<ApplicationFunnelType | null> {
    if (!this.permissions.can(ctx.req.actor, 'application.funnel', p)) return null;
    return funnelType(await ctx.loaders.postingApplicationFunnel.load(p.id));
  }
}
