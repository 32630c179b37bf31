import { Args, ArgsType, Context, Field, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { findFlaggedPhrases } from '@leye/domain';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Public } from '../../common/auth/decorators.js';
import { notFound } from '../../common/errors/app-error.js';
import type { GraphQLContext } from '../../common/graphql/loaders.js';
import { staffRegionScope } from '../../common/permissions/actor-scope.js';
import { Allow } from '../../common/permissions/allow.decorator.js';
import { Permissions } from '../../common/permissions/permissions.service.js';
import { RegionType, toRegionType } from '../regions/region.type.js';
import {
  FairPostingsArgs,
  MyPostingsArgs,
  PostingIdArgs,
  PostingInput,
  PublicPostingsArgs,
  RejectPostingArgs,
  ReviewQueueArgs,
  UpdatePostingArgs,
} from './dtos/posting.inputs.js';
import { PostingStatus } from './posting.entity.js';
import {
  JobPostingPage,
  JobPostingType,
  PostingEmployerType,
  PostingFlagKind,
  PostingFlagType,
  PostingViewerCanType,
  toPostingType,
} from './posting.types.js';
import { PostingsService, type PostingRow } from './postings.service.js';

@ArgsType()
class ReviewPostingArgs extends PostingIdArgs {
  @Field(() => Int, { nullable: true, description: 'The revision the reviewer looked at; CONFLICT POSTING_CHANGED if the employer edited it since.' })
  @IsOptional() @IsInt() @Min(1) @Max(1_000_000)
  revision?: number;
}

@ArgsType()
class RejectPostingWithRevisionArgs extends RejectPostingArgs {
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(1_000_000)
  revision?: number;
}

@Resolver(() => JobPostingType)
export class PostingsResolver {
  constructor(
    private readonly postings: PostingsService,
    private readonly permissions: Permissions,
  ) {}

  /** The full view (unmasked contact, review details) for its employer and reviewers; the public one otherwise. */
  private view(actor: Actor | undefined, row: PostingRow): JobPostingType {
    const full = this.permissions.can(actor, 'posting.read', row);
    return toPostingType(row, { full, maskContact: !full });
  }

  private page(actor: Actor | undefined, page: { items: PostingRow[]; total: number }, opts?: { maskContact: boolean }): JobPostingPage {
    return Object.assign(new JobPostingPage(), {
      total: page.total,
      items: page.items.map((row) => {
        const full = this.permissions.can(actor, 'posting.read', row);
        return toPostingType(row, { full, maskContact: opts?.maskContact ?? !full });
      }),
    });
  }

  @Allow('posting.listOwn')
  @Query(() => JobPostingPage, { description: "The caller's employer's postings, every status." })
  async myPostings(@CurrentActor() actor: Actor, @Args() args: MyPostingsArgs): Promise<JobPostingPage> {
    return this.page(actor, await this.postings.listOwn(actor.employerId!, args), { maskContact: false });
  }

  @Public()
  @Query(() => JobPostingType, { description: 'One posting: anyone while it is approved and valid; its employer and reviewers always.' })
  async jobPosting(@CurrentActor() actor: Actor | undefined, @Args() { id }: PostingIdArgs): Promise<JobPostingType> {
    const row = await this.postings.findById(id).catch(() => null);
    if (row && this.permissions.can(actor, 'posting.read', row)) return this.view(actor, row);
    const visible = await this.postings.findPublic(id);
    if (!visible) throw notFound('Posting');
    return toPostingType(visible, { full: false, maskContact: true });
  }

  @Allow('posting.reviewQueue')
  @Query(() => JobPostingPage, { description: 'Postings of employers in your region, by status (default: awaiting review, oldest first). Contact phones are masked.' })
  async postingReviewQueue(@CurrentActor() actor: Actor, @Args() args: ReviewQueueArgs): Promise<JobPostingPage> {
    const page = await this.postings.reviewQueue({ scope: staffRegionScope(actor), status: args.status, regionCode: args.regionCode, take: args.take, skip: args.skip });
    return this.page(actor, page, { maskContact: true });
  }

  @Public()
  @Query(() => JobPostingPage, { description: 'Approved, unexpired postings with filters (region, occupation, urgent-shortage only, text).' })
  async publicPostings(@Args() args: PublicPostingsArgs): Promise<JobPostingPage> {
    const page = await this.postings.publicList({ ...args.filter, take: args.take, skip: args.skip });
    return Object.assign(new JobPostingPage(), { total: page.total, items: page.items.map((r) => toPostingType(r, { full: false, maskContact: true })) });
  }

  @Public()
  @Query(() => [JobPostingType], { description: "Approved postings of the employers taking part in a fair (booked booths / delegation): who is coming and what they hire." })
  async fairPostings(@Args() { eventId }: FairPostingsArgs): Promise<JobPostingType[]> {
    return (await this.postings.fairPostings(eventId)).map((r) => toPostingType(r, { full: false, maskContact: true }));
  }

  @Mutation(() => JobPostingType, { description: 'A verified employer submits a posting for review.' })
  async createPosting(@CurrentActor() actor: Actor, @Args('input') input: PostingInput): Promise<JobPostingType> {
    // Checked after validation (not @Allow) so malformed input is BAD_USER_INPUT for every caller.
    this.permissions.require(actor, 'posting.create');
    return this.view(actor, await this.postings.create(actor, input));
  }

  @Mutation(() => JobPostingType, { description: 'Edits a posting; it goes (back) to review, so an approved one leaves the public until approved again.' })
  async updatePosting(@CurrentActor() actor: Actor, @Args() { id, input }: UpdatePostingArgs): Promise<JobPostingType> {
    this.permissions.require(actor, 'posting.edit', await this.postings.findById(id));
    return this.view(actor, await this.postings.update(actor, id, input));
  }

  @Mutation(() => JobPostingType)
  async withdrawPosting(@CurrentActor() actor: Actor, @Args() { id }: PostingIdArgs): Promise<JobPostingType> {
    this.permissions.require(actor, 'posting.withdraw', await this.postings.findById(id));
    return this.view(actor, await this.postings.withdraw(actor, id));
  }

  @Mutation(() => JobPostingType, { description: 'Approves a posting awaiting review (once; a second review gets CONFLICT).' })
  async approvePosting(@CurrentActor() actor: Actor, @Args() { id, revision }: ReviewPostingArgs): Promise<JobPostingType> {
    this.permissions.require(actor, 'posting.review', await this.postings.findById(id));
    return this.view(actor, await this.postings.review(actor, id, { approve: true, revision }));
  }

  @Mutation(() => JobPostingType, { description: 'Rejects a posting awaiting review with a reason the employer sees.' })
  async rejectPosting(@CurrentActor() actor: Actor, @Args() { id, reason, revision }: RejectPostingWithRevisionArgs): Promise<JobPostingType> {
    this.permissions.require(actor, 'posting.review', await this.postings.findById(id));
    return this.view(actor, await this.postings.review(actor, id, { approve: false, reason, revision }));
  }

  @ResolveField(() => PostingEmployerType)
  async employer(@Parent() p: JobPostingType, @Context() ctx: GraphQLContext): Promise<PostingEmployerType> {
    const e = (await ctx.loaders.employer.load(p.employerId))!;
    return Object.assign(new PostingEmployerType(), { id: e.id, name: e.name, regionCode: e.regionCode });
  }

  @ResolveField(() => RegionType, { description: 'The work region.' })
  async region(@Parent() p: JobPostingType, @Context() ctx: GraphQLContext): Promise<RegionType> {
    return toRegionType((await ctx.loaders.region.load(p.regionCode))!);
  }

  @ResolveField(() => Boolean, { description: 'Its occupation is on the urgent-shortage list (急需紧缺职业目录).' })
  urgentShortage(@Parent() p: JobPostingType, @Context() ctx: GraphQLContext): Promise<boolean> {
    return ctx.loaders.urgentOccupation.load(p.occupationCode);
  }

  @ResolveField(() => [PostingFlagType], {
    nullable: true,
    description: 'What a reviewer should look at, computed from the current phrase list; null unless the caller is its employer or a reviewer.',
  })
  async flags(@Parent() p: JobPostingType, @Context() ctx: GraphQLContext): Promise<PostingFlagType[] | null> {
    if (!p.full) return null;
    const flags: PostingFlagType[] = [];
    if (p.salaryMin == null && p.salaryMax == null) {
      flags.push(Object.assign(new PostingFlagType(), { kind: PostingFlagKind.MISSING_PAY, phrase: null, category: null, matched: null }));
    }
    for (const hit of findFlaggedPhrases([p.title, p.description], await ctx.loaders.postingFlagPhrases.load('all'))) {
      flags.push(Object.assign(new PostingFlagType(), { kind: PostingFlagKind.PHRASE, ...hit }));
    }
    return flags;
  }

  @ResolveField(() => PostingViewerCanType)
  viewerCan(@Parent() p: JobPostingType, @Context() ctx: GraphQLContext): PostingViewerCanType {
    const actor = ctx.req.actor;
    const pending = p.status === PostingStatus.PENDING_REVIEW;
    const live = [PostingStatus.PENDING_REVIEW, PostingStatus.APPROVED, PostingStatus.REJECTED].includes(p.status);
    return Object.assign(new PostingViewerCanType(), {
      edit: p.status !== PostingStatus.WITHDRAWN && this.permissions.can(actor, 'posting.edit', p),
      withdraw: live && this.permissions.can(actor, 'posting.withdraw', p),
      approve: pending && this.permissions.can(actor, 'posting.review', p),
      reject: pending && this.permissions.can(actor, 'posting.review', p),
    });
  }
}
