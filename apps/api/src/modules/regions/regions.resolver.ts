import { Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor } from '../../common/auth/decorators.js';
import { coversRegion } from '../../common/permissions/actor-scope.js';
import { Public } from '../../common/auth/decorators.js';
import { RegionsService } from './regions.service.js';
import { RegionType, toRegionType } from './region.type.js';

@Resolver(() => RegionType)
export class RegionsResolver {
  constructor(private readonly regionService: RegionsService) {}

  @Public()
  @Query(() => [RegionType], { description: 'Linyi city and its districts, counties and zones.' })
  async regions(): Promise<RegionType[]> {
    return (await this.regionService.list()).map(toRegionType);
  }

  @Public()
  @Query(() => [RegionType], { description: 'The regions the caller covers as staff (for filters and pickers); empty for everyone else.' })
  async coveredRegions(@CurrentActor() actor: Actor | undefined): Promise<RegionType[]> {
    return (await this.regionService.list()).filter((r) => coversRegion(actor, r.code)).map(toRegionType);
  }
}
