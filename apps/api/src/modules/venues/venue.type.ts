import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsLatitude, IsLongitude, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import type { VenueEntity } from './venue.entity.js';
import { IsRegionCode } from '../../common/validation/validators.js';

@ObjectType('Venue', { description: '场馆: where fairs and events take place.' })
export class VenueType {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field() address: string;
  @Field(() => Int) capacity: number;
  @Field(() => Float, { nullable: true }) latitude: number | null;
  @Field(() => Float, { nullable: true }) longitude: number | null;
  /** Resolved to `region`. */
  regionCode: string;
}

export const toVenueType = (v: VenueEntity): VenueType =>
  Object.assign(new VenueType(), {
    id: v.id,
    name: v.name,
    address: v.address,
    capacity: v.capacity,
    latitude: v.latitude,
    longitude: v.longitude,
    regionCode: v.regionCode,
  });

@InputType()
export class VenueInput {
  @Field() @IsString() @Length(2, 200) name: string;
  @Field() @IsString() @Length(2, 300) address: string;
  @Field() @IsRegionCode() regionCode: string;
  @Field(() => Int) @IsInt() @Min(1) @Max(200000) capacity: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsLatitude() latitude?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsLongitude() longitude?: number;
}
