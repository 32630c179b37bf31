import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { EDUCATION_CODES, EXPERIENCE_CODES, MOBILE_PHONE_PATTERN, OCCUPATION_CODES, PHRASE_CATEGORIES, PHRASE_MAX_LENGTH, POSTING_LIMITS } from '@leye/domain';
import { PageArgs } from '../../../common/graphql/pagination.js';
import { IsCalendarDate, IsRegionCode } from '../../../common/validation/validators.js';
import { PostingStatus } from '../posting.entity.js';
import { SpotCheckResult, ValidityPeriod } from '../posting.types.js';

@InputType({ description: 'A job posting as its employer writes it. Salary min ≤ max (monthly CNY); leaving both out is allowed but flagged.' })
export class PostingInput {
  @Field() @IsString() @Length(2, POSTING_LIMITS.titleMax)
  title: string;

  @Field() @IsIn(OCCUPATION_CODES, { message: 'UNKNOWN_OCCUPATION' })
  occupationCode: string;

  @Field(() => Int) @IsInt() @Min(1) @Max(POSTING_LIMITS.headcountMax)
  headcount: number;

  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(POSTING_LIMITS.salaryMax)
  salaryMin?: number | null;

  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(POSTING_LIMITS.salaryMax)
  salaryMax?: number | null;

  @Field() @IsIn(EDUCATION_CODES, { message: 'UNKNOWN_EDUCATION' })
  education: string;

  @Field() @IsIn(EXPERIENCE_CODES, { message: 'UNKNOWN_EXPERIENCE' })
  experience: string;

  @Field() @IsRegionCode()
  regionCode: string;

  @Field() @IsString() @MaxLength(POSTING_LIMITS.descriptionMax)
  description: string;

  @Field() @IsString() @Length(1, 50)
  contactName: string;

  @Field() @Matches(MOBILE_PHONE_PATTERN, { message: 'INVALID_PHONE' })
  contactPhone: string;

  @Field({ description: 'YYYY-MM-DD: after today, at most 180 days ahead (Asia/Shanghai).' }) @IsCalendarDate()
  validUntil: string;
}

@ArgsType()
export class PostingIdArgs {
  @Field(() => ID) @IsUUID('all', { message: 'INVALID_ID' })
  id: string;
}

@ArgsType()
export class UpdatePostingArgs extends PostingIdArgs {
  @Field(() => PostingInput) @ValidateNested() @Type(() => PostingInput)
  input: PostingInput;
}

@ArgsType()
export class RejectPostingArgs extends PostingIdArgs {
  @Field({ description: 'Shown to the employer and kept in the audit log.' }) @IsString() @Length(2, 500)
  reason: string;
}

@ArgsType()
export class MyPostingsArgs extends PageArgs {
  @Field(() => PostingStatus, { nullable: true }) @IsOptional() @IsEnum(PostingStatus)
  status?: PostingStatus;
}

@ArgsType()
export class ReviewQueueArgs extends PageArgs {
  @Field(() => PostingStatus, { nullable: true, defaultValue: PostingStatus.PENDING_REVIEW }) @IsOptional() @IsEnum(PostingStatus)
  status?: PostingStatus;

  @Field({ nullable: true, description: "The employer's region." }) @IsOptional() @IsRegionCode()
  regionCode?: string;
}

@InputType()
export class PublicPostingFilter {
  @Field({ nullable: true, description: 'Work region.' }) @IsOptional() @IsRegionCode()
  regionCode?: string;

  @Field({ nullable: true }) @IsOptional() @IsIn(OCCUPATION_CODES, { message: 'UNKNOWN_OCCUPATION' })
  occupationCode?: string;

  @Field({ nullable: true, description: 'Only occupations of the urgent-shortage list.' }) @IsOptional() @IsBoolean()
  urgentOnly?: boolean;

  @Field({ nullable: true, description: 'Part of the title or employer name.' }) @IsOptional() @IsString() @MaxLength(50)
  search?: string;
}

@ArgsType()
export class PublicPostingsArgs extends PageArgs {
  @Field(() => PublicPostingFilter, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => PublicPostingFilter)
  filter?: PublicPostingFilter;
}

@ArgsType()
export class FairPostingsArgs {
  @Field(() => ID) @IsUUID('all', { message: 'INVALID_ID' })
  eventId: string;
}

@InputType()
export class FlagPhraseInput {
  @Field({ description: '`#` stands for a number.' }) @IsString() @Length(1, PHRASE_MAX_LENGTH)
  phrase: string;

  @Field() @IsIn(PHRASE_CATEGORIES, { message: 'UNKNOWN_CATEGORY' })
  category: string;
}

@InputType()
export class UrgentOccupationInput {
  @Field() @IsIn(OCCUPATION_CODES, { message: 'UNKNOWN_OCCUPATION' })
  occupationCode: string;

  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200)
  note?: string;
}

@ArgsType()
export class DrawSpotCheckArgs {
  @Field(() => Int, { description: '1–200.' }) @IsInt() @Min(1) @Max(200)
  sampleSize: number;

  @Field({ nullable: true, description: "The employers' region to sample; default: every region you cover." }) @IsOptional() @IsRegionCode()
  regionCode?: string;
}

@ArgsType()
export class RecordSpotCheckArgs {
  @Field(() => ID) @IsUUID('all', { message: 'INVALID_ID' })
  itemId: string;

  @Field(() => SpotCheckResult) @IsEnum(SpotCheckResult)
  result: SpotCheckResult;

  @Field({ nullable: true, description: 'Required when INVALID (what was wrong).' }) @IsOptional() @IsString() @MaxLength(500)
  note?: string;
}

@ArgsType()
export class ValidityRatesArgs {
  @Field(() => ValidityPeriod) @IsEnum(ValidityPeriod)
  period: ValidityPeriod;

  @Field(() => Int) @IsInt() @Min(2020) @Max(2100)
  year: number;

  @Field({ nullable: true }) @IsOptional() @IsRegionCode()
  regionCode?: string;
}
