import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor } from '../../common/auth/decorators.js';
import { PageArgs } from '../../common/graphql/pagination.js';
import { Allow } from '../../common/permissions/allow.decorator.js';
import { Permissions } from '../../common/permissions/permissions.service.js';
import { DrawSpotCheckArgs, PostingIdArgs, RecordSpotCheckArgs, ValidityRatesArgs } from './dtos/posting.inputs.js';
import { JobPostingType, PostingValidityRateType, SpotCheckItemType, SpotCheckPage, SpotCheckType, toPostingType } from './posting.types.js';
import type { GraphQLContext } from '../../common/graphql/loaders.js';
import { SpotChecksService, type SpotCheckRow } from './spot-checks.service.js';

/** 岗位信息有效率抽查: samples, results, validity rate per period. */
@Resolver(() => SpotCheckType)
export class SpotChecksResolver {
  constructor(
    private readonly spotChecks: SpotChecksService,
    private readonly permissions: Permissions,
  ) {}

  private async withItems(rows: SpotCheckRow[]): Promise<SpotCheckType[]> {
    const items = await this.spotChecks.items(rows.map((r) => r.id));
    return rows.map((r) =>
      Object.assign(new SpotCheckType(), r, {
        items: items.filter((i) => i.spotCheckId === r.id).map((i) => Object.assign(new SpotCheckItemType(), i)),
      }),
    );
  }

  @Allow('posting.spotCheck')
  @Query(() => SpotCheckPage, { description: 'Spot-check samples drawn in your region, newest first.' })
  async postingSpotChecks(@CurrentActor() actor: Actor, @Args() { take, skip }: PageArgs): Promise<SpotCheckPage> {
    const page = await this.spotChecks.list(actor, take, skip);
    return Object.assign(new SpotCheckPage(), { total: page.total, items: await this.withItems(page.items) });
  }

  @Allow('posting.spotCheck')
  @Query(() => SpotCheckType)
  async postingSpotCheck(@CurrentActor() actor: Actor, @Args() { id }: PostingIdArgs): Promise<SpotCheckType> {
    return (await this.withItems([await this.spotChecks.get(actor, id)]))[0]!;
  }

  @Allow('posting.spotCheck')
  @Mutation(() => SpotCheckType, { description: 'Draws a random sample of approved, valid postings (of employers in the region, default: all you cover).' })
  async drawPostingSpotCheck(@CurrentActor() actor: Actor, @Args() { sampleSize, regionCode }: DrawSpotCheckArgs): Promise<SpotCheckType> {
    const id = await this.spotChecks.draw(actor, sampleSize, regionCode);
    return (await this.withItems([await this.spotChecks.get(actor, id)]))[0]!;
  }

  @Mutation(() => SpotCheckItemType, { description: 'Records (or corrects) whether a sampled posting is still valid; INVALID needs a note.' })
  async recordPostingSpotCheck(@CurrentActor() actor: Actor, @Args() { itemId, result, note }: RecordSpotCheckArgs): Promise<SpotCheckItemType> {
    this.permissions.require(actor, 'posting.spotCheck.record', await this.spotChecks.item(itemId));
    return Object.assign(new SpotCheckItemType(), await this.spotChecks.record(actor, itemId, result, note));
  }

  @Allow('posting.spotCheck')
  @Query(() => [PostingValidityRateType], { description: '岗位信息有效率 per month, quarter or year: valid / checked of the results recorded in it.' })
  async postingValidityRates(@CurrentActor() actor: Actor, @Args() { period, year, regionCode }: ValidityRatesArgs): Promise<PostingValidityRateType[]> {
    return (await this.spotChecks.rates(actor, period, year, regionCode)).map((r) => Object.assign(new PostingValidityRateType(), r));
  }
}

@Resolver(() => SpotCheckItemType)
export class SpotCheckItemResolver {
  @ResolveField(() => JobPostingType, { description: 'The posting as it is now (contact unmasked: the checker calls it).' })
  async posting(@Parent() item: SpotCheckItemType, @Context() ctx: GraphQLContext): Promise<JobPostingType> {
    return toPostingType((await ctx.loaders.postingRow.load(item.postingId))!, { full: true, maskContact: false });
  }
}
