import { Query, Resolver } from '@nestjs/graphql';
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
}
