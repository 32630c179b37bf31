import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { IsArray, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength, ArrayMaxSize } from 'class-validator';
import { APPLICATION_LIMITS, APPLICATION_SOURCES, APPLICATION_STATUSES, EDUCATION_CODES, EXPERIENCE_CODES, OCCUPATION_CODES, type ApplicationSource, type ApplicationStatus } from '@leye/domain';
import { PageArgs } from '../../../common/graphql/pagination.js';
import { IsRegionCode } from '../../../common/validation/validators.js';
import { ApplicationSourceEnum, ApplicationStatusEnum } from '../application.types.js';

@InputType({ description: 'Applying to an approved posting with one\'s profile as the résumé.' })
export class ApplyInput {
  @Field(() => ID) @IsUUID('all', { message: 'INVALID_ID' })
  postingId: string;

  @Field(() => ApplicationSourceEnum, { defaultValue: 'ONLINE' }) @IsIn(APPLICATION_SOURCES)
  source: ApplicationSource = 'ONLINE';

  @Field(() => ID, { nullable: true, description: 'The fair (FAIR, required) or the livestream event (LIVESTREAM, optional).' })
  @IsOptional() @IsUUID('all', { message: 'INVALID_ID' })
  eventId?: string | null;

  @Field(() => String, { nullable: true, description: 'A livestream broadcast id (LIVESTREAM).' })
  @IsOptional() @IsString() @Length(1, APPLICATION_LIMITS.sourceRefMax)
  sourceRef?: string | null;

  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(APPLICATION_LIMITS.coverNoteMax)
  coverNote?: string | null;
}

@ArgsType()
export class ApplicationIdArgs {
  @Field(() => ID) @IsUUID('all', { message: 'INVALID_ID' })
  id: string;
}

@ArgsType()
export class MoveApplicationArgs extends ApplicationIdArgs {
  @Field(() => ApplicationStatusEnum) @IsIn(APPLICATION_STATUSES)
  status: ApplicationStatus;

  @Field(() => String, { nullable: true, description: 'Optional reason when rejecting; the seeker sees it.' })
  @IsOptional() @IsString() @MaxLength(APPLICATION_LIMITS.rejectionReasonMax)
  reason?: string | null;
}

@ArgsType()
export class MyApplicationsArgs extends PageArgs {
  @Field(() => ApplicationStatusEnum, { nullable: true }) @IsOptional() @IsIn(APPLICATION_STATUSES)
  status?: ApplicationStatus;
}

@ArgsType()
export class PostingApplicationsArgs extends MyApplicationsArgs {
  @Field(() => ID) @IsUUID('all', { message: 'INVALID_ID' })
  postingId: string;
}

@ArgsType()
export class PostingIdsArgs {
  @Field(() => [ID]) @IsArray() @ArrayMaxSize(100) @IsUUID('all', { each: true, message: 'INVALID_ID' })
  postingIds: string[];
}

@ArgsType()
export class PostingFunnelArgs {
  @Field(() => ID) @IsUUID('all', { message: 'INVALID_ID' })
  postingId: string;
}

@ArgsType()
export class FairFunnelArgs {
  @Field(() => ID) @IsUUID('all', { message: 'INVALID_ID' })
  eventId: string;
}

@InputType({ description: 'The seeker\'s résumé fields; each may be cleared with null.' })
export class ResumeInput {
  @Field(() => String, { nullable: true }) @IsOptional() @IsIn(EDUCATION_CODES.filter((c) => c !== 'NONE'), { message: 'UNKNOWN_EDUCATION' })
  education?: string | null;

  @Field(() => String, { nullable: true }) @IsOptional() @IsIn(EXPERIENCE_CODES, { message: 'UNKNOWN_EXPERIENCE' })
  experience?: string | null;

  @Field(() => String, { nullable: true }) @IsOptional() @IsIn(OCCUPATION_CODES, { message: 'UNKNOWN_OCCUPATION' })
  intendedOccupation?: string | null;

  @Field(() => String, { nullable: true }) @IsOptional() @IsRegionCode()
  intendedRegionCode?: string | null;

  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(APPLICATION_LIMITS.introductionMax)
  introduction?: string | null;
}
