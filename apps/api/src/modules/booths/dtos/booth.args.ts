import { ArgsType, Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsBoolean, IsDate, IsEnum, IsInt, IsNumber, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateNested,
} from 'class-validator';
import { BookingStatus, BoothType, FairBoothState, PriorityCategory } from '../booth.enums.js';

@ArgsType()
export class VenueIdArgs {
  @Field(() => ID) @IsUUID('all', { message: 'INVALID_ID' })
  venueId: string;
}

@ArgsType()
export class IdArgs {
  @Field(() => ID) @IsUUID('all', { message: 'INVALID_ID' })
  id: string;
}

@ArgsType()
export class EventIdArgs {
  @Field(() => ID) @IsUUID('all', { message: 'INVALID_ID' })
  eventId: string;
}

@InputType()
export class CreateVenueLayoutInput {
  @Field(() => ID) @IsUUID('all', { message: 'INVALID_ID' })
  venueId: string;

  @Field() @IsString() @Length(1, 100)
  name: string;

  @Field(() => Int, { description: 'Plan width in plan units (10–10000).' }) @IsInt() @Min(10) @Max(10000)
  width: number;

  @Field(() => Int) @IsInt() @Min(10) @Max(10000)
  height: number;
}

@InputType()
export class BoothInput {
  @Field({ description: 'A01 … (1–2 capital letters, 1–3 digits).' }) @IsString() @Matches(/^[A-Z]{1,2}[0-9]{1,3}$/, { message: 'INVALID_BOOTH_CODE' })
  code: string;

  @Field({ defaultValue: '' }) @IsString() @MaxLength(40)
  zone: string;

  @Field(() => BoothType, { defaultValue: BoothType.STANDARD }) @IsEnum(BoothType)
  type: BoothType;

  @Field(() => Float) @IsNumber() @Min(0.5) @Max(10000)
  sizeSqm: number;

  @Field(() => Float) @IsNumber() @Min(0) @Max(10000)
  x: number;

  @Field(() => Float) @IsNumber() @Min(0) @Max(10000)
  y: number;

  @Field(() => Float) @IsNumber() @Min(0.1) @Max(10000)
  width: number;

  @Field(() => Float) @IsNumber() @Min(0.1) @Max(10000)
  height: number;
}

@ArgsType()
export class SaveLayoutBoothsArgs {
  @Field(() => ID) @IsUUID('all', { message: 'INVALID_ID' })
  layoutId: string;

  @Field(() => Int, { description: 'The version the editor loaded; CONFLICT when someone saved since.' }) @IsInt() @Min(1)
  version: number;

  @Field(() => [BoothInput], { description: 'The full set of booths (matched by code; missing codes are deleted).' })
  @IsArray() @ArrayMaxSize(2000) @ValidateNested({ each: true }) @Type(() => BoothInput)
  booths: BoothInput[];

  @Field(() => Int, { nullable: true, description: 'A new plan width (10–10000); every booth must lie inside the new size (BOOTH_OUTSIDE_PLAN).' })
  @IsOptional() @IsInt() @Min(10) @Max(10000)
  width?: number;

  @Field(() => Int, { nullable: true, description: 'A new plan height (10–10000).' }) @IsOptional() @IsInt() @Min(10) @Max(10000)
  height?: number;
}

@InputType()
export class FairBoothSettingsInput {
  @Field(() => ID) @IsUUID('all', { message: 'INVALID_ID' })
  eventId: string;

  @Field(() => ID, { nullable: true, description: 'The floor plan (JOB_FAIR).' }) @IsOptional() @IsUUID('all', { message: 'INVALID_ID' })
  layoutId?: string;

  @Field(() => Int, { nullable: true, description: 'Delegation places (CAMPUS_RECRUITING).' }) @IsOptional() @IsInt() @Min(1) @Max(10000)
  places?: number;

  @Field() @Type(() => Date) @IsDate()
  opensAt: Date;

  @Field() @Type(() => Date) @IsDate()
  closesAt: Date;

  @Field(() => Int, { defaultValue: 1 }) @IsInt() @Min(1) @Max(20)
  maxBoothsPerEmployer: number;

  @Field({ defaultValue: false }) @IsBoolean()
  requiresApproval: boolean;

  @Field({ defaultValue: false }) @IsBoolean()
  requiresApprovedPosting: boolean;

  @Field({ nullable: true }) @IsOptional() @Type(() => Date) @IsDate()
  cancellationDeadline?: Date;

  @Field(() => Int, { defaultValue: 5 }) @IsInt() @Min(1) @Max(60)
  holdMinutes: number;

  @Field(() => Int, { defaultValue: 24 }) @IsInt() @Min(1) @Max(168)
  waitlistOfferHours: number;
}

@ArgsType()
export class SetFairBoothStateArgs {
  @Field(() => ID) @IsUUID('all', { message: 'INVALID_ID' })
  eventId: string;

  @Field(() => [ID], { description: 'At most 500 at once.' }) @IsArray() @ArrayMaxSize(500) @IsUUID('all', { each: true, message: 'INVALID_ID' })
  boothIds: string[];

  @Field(() => FairBoothState) @IsEnum(FairBoothState)
  state: FairBoothState;

  @Field(() => PriorityCategory, { nullable: true, description: 'Required for RESERVED.' }) @IsOptional() @IsEnum(PriorityCategory)
  reservedCategory?: PriorityCategory;
}

@ArgsType()
export class SetPriorityCategoriesArgs {
  @Field(() => ID) @IsUUID('all', { message: 'INVALID_ID' })
  employerId: string;

  @Field(() => [PriorityCategory]) @IsArray() @ArrayMaxSize(3) @IsEnum(PriorityCategory, { each: true })
  categories: PriorityCategory[];
}

@ArgsType()
export class EmployerIdArgs {
  @Field(() => ID) @IsUUID('all', { message: 'INVALID_ID' })
  employerId: string;
}

@ArgsType()
export class HoldBoothArgs {
  @Field(() => ID) @IsUUID('all', { message: 'INVALID_ID' })
  eventId: string;

  @Field(() => ID) @IsUUID('all', { message: 'INVALID_ID' })
  boothId: string;
}

@ArgsType()
export class BookingReasonArgs {
  @Field(() => ID) @IsUUID('all', { message: 'INVALID_ID' })
  id: string;

  @Field({ description: 'Shown to the employer.' }) @IsString() @Length(2, 500)
  reason: string;
}

@ArgsType()
export class MoveBookingArgs {
  @Field(() => ID) @IsUUID('all', { message: 'INVALID_ID' })
  id: string;

  @Field(() => ID) @IsUUID('all', { message: 'INVALID_ID' })
  boothId: string;
}

@ArgsType()
export class FairBookingsArgs {
  @Field(() => ID) @IsUUID('all', { message: 'INVALID_ID' })
  eventId: string;

  @Field(() => [BookingStatus], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(8) @IsEnum(BookingStatus, { each: true })
  statuses?: BookingStatus[];
}

@ArgsType()
export class MyBookingsArgs {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'INVALID_ID' })
  eventId?: string;
}

@ArgsType()
export class BoothFairsArgs {
  @Field({ defaultValue: false, description: 'Only fairs whose booking window is open now.' }) @IsBoolean()
  openOnly: boolean;
}
