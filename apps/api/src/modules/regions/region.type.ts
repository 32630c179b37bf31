import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { RegionLevel } from '@leye/domain';
import { RegionLevelEnum } from './region.enums.js';
import type { RegionEntity } from './region.entity.js';

@ObjectType('Region', { description: '行政区划: Linyi city, its districts, counties and zones.' })
export class RegionType {
  @Field(() => ID)
  code: string;

  @Field()
  name: string;

  @Field()
  nameEn: string;

  @Field(() => RegionLevelEnum)
  level: RegionLevel;

  @Field(() => String, { nullable: true })
  parentCode: string | null;
}

export const toRegionType = (r: RegionEntity): RegionType => Object.assign(new RegionType(), r);
