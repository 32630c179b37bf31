import { Args, ArgsType, Context, Field, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Public } from '../../common/auth/decorators.js';
import { Permissions } from '../../common/permissions/permissions.service.js';
import type { GraphQLContext } from '../../common/graphql/loaders.js';
import { RegionType, toRegionType } from '../regions/region.type.js';
import { VenueInput, VenueType, toVenueType } from './venue.type.js';
import { VenuesService } from './venues.service.js';
import { IsRegionCode } from '../../common/validation/validators.js';

@ArgsType()
class VenueListArgs {
  @Field({ nullable: true }) @IsOptional() @IsRegionCode() regionCode?: string;
}

@Resolver(() => VenueType)
export class VenuesResolver {
  constructor(
    private readonly venueService: VenuesService,
    private readonly permissions: Permissions,
  ) {}

  @Public()
  @Query(() => [VenueType])
  async venues(@Args() { regionCode }: VenueListArgs): Promise<VenueType[]> {
    return (await this.venueService.list(regionCode)).map(toVenueType);
  }

  @Mutation(() => VenueType)
  async createVenue(@CurrentActor() actor: Actor, @Args('input') input: VenueInput): Promise<VenueType> {
    this.permissions.require(actor, 'venue.create', input);
    return toVenueType(await this.venueService.create(input));
  }

  @ResolveField(() => RegionType)
  async region(@Parent() venue: VenueType, @Context() ctx: GraphQLContext): Promise<RegionType> {
    return toRegionType((await ctx.loaders.region.load(venue.regionCode))!);
  }
}
