import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import {
  CERTIFICATE_NO_PATTERN,
  FOLLOW_UP_OUTCOMES,
  MENTOR_EVENT_ROLES,
  MENTOR_INDUSTRIES,
  MENTOR_LIMITS,
  MENTOR_STATUSES,
  MOBILE_PHONE_PATTERN,
  PROJECT_SOURCES,
  PROJECT_STAGES,
  SESSION_MODES,
  type FollowUpOutcome,
  type MentorEventRole,
  type MentorIndustry,
  type MentorStatus,
  type ProjectSource,
  type ProjectStage,
  type SessionMode,
} from '@leye/domain';
import { PageArgs } from '../../../common/graphql/pagination.js';
import { IsCalendarDate, IsRegionCode } from '../../../common/validation/validators.js';
import {
  FollowUpOutcomeEnum,
  MentorEventRoleEnum,
  MentorIndustryEnum,
  MentorStatusEnum,
  ProjectSourceEnum,
  ProjectStageEnum,
  SessionModeEnum,
} from '../mentor.types.js';

const TAG = /^[A-Z][A-Z0-9_]{1,39}$/;

@InputType({ isAbstract: true })
abstract class MentorFieldsInput {
  @Field() @IsString() @Length(1, MENTOR_LIMITS.nameMax)
  name: string;

  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(MENTOR_LIMITS.textMax)
  organisation?: string | null;

  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(MENTOR_LIMITS.textMax)
  title?: string | null;

  @Field(() => [String], { description: 'Expertise tag codes from the taxonomy.' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MENTOR_LIMITS.tagsMax) @Matches(TAG, { each: true, message: 'UNKNOWN_EXPERTISE' })
  expertise: string[];

  @Field(() => [MentorIndustryEnum], { defaultValue: [] }) @IsArray() @ArrayMaxSize(MENTOR_LIMITS.tagsMax) @IsIn(MENTOR_INDUSTRIES, { each: true })
  industries: MentorIndustry[] = [];

  @Field() @IsRegionCode()
  regionCode: string;

  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(MENTOR_LIMITS.bioMax)
  bio?: string | null;

  @Field(() => String, { nullable: true }) @IsOptional() @Matches(MOBILE_PHONE_PATTERN, { message: 'INVALID_PHONE' })
  phone?: string | null;

  @Field(() => String, { nullable: true }) @IsOptional() @IsEmail({}, { message: 'INVALID_EMAIL' }) @MaxLength(200)
  email?: string | null;
}

@InputType({ description: 'The public "apply to be a mentor" form; organizers of the region decide.' })
export class MentorApplicationInput extends MentorFieldsInput {}

@InputType({ description: 'A mentor profile organizers create (ACTIVE at once) or edit.' })
export class MentorInput extends MentorFieldsInput {
  @Field(() => Int, { defaultValue: 2 }) @IsInt() @Min(1) @Max(MENTOR_LIMITS.capacityMax)
  capacity = 2;

  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'INVALID_ID' })
  studioId?: string | null;

  @Field(() => String, { nullable: true, description: 'Certification date (with certificateNo).' }) @IsOptional() @IsCalendarDate()
  certifiedOn?: string | null;

  @Field(() => String, { nullable: true }) @IsOptional() @Matches(CERTIFICATE_NO_PATTERN, { message: 'INVALID_CERTIFICATE_NO' })
  certificateNo?: string | null;
}

@ArgsType()
export class IdArgs {
  @Field(() => ID) @IsUUID('all', { message: 'INVALID_ID' })
  id: string;
}

@ArgsType()
export class UpdateMentorArgs extends IdArgs {
  @Field(() => MentorInput) @ValidateNested() @Type(() => MentorInput)
  input: MentorInput;
}

@ArgsType()
export class DecideApplicationArgs extends IdArgs {
  @Field() @IsBoolean()
  approve: boolean;
}

@ArgsType()
export class CertifyMentorArgs extends IdArgs {
  @Field() @Matches(CERTIFICATE_NO_PATTERN, { message: 'INVALID_CERTIFICATE_NO' })
  certificateNo: string;

  @Field() @IsCalendarDate()
  certifiedOn: string;
}

@ArgsType()
export class MentorAccountArgs extends IdArgs {
  @Field({ description: 'An initial password the mentor must change at first sign-in.' }) @IsString() @MaxLength(128)
  password: string;
}

@ArgsType()
export class MentorListArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Name, organisation, or certificate number contains.' }) @IsOptional() @IsString() @MaxLength(50)
  search?: string;

  @Field(() => String, { nullable: true }) @IsOptional() @Matches(TAG, { message: 'UNKNOWN_EXPERTISE' })
  expertise?: string;

  @Field(() => MentorIndustryEnum, { nullable: true }) @IsOptional() @IsIn(MENTOR_INDUSTRIES)
  industry?: MentorIndustry;

  @Field(() => String, { nullable: true }) @IsOptional() @IsRegionCode()
  regionCode?: string;

  @Field(() => MentorStatusEnum, { nullable: true }) @IsOptional() @IsIn(MENTOR_STATUSES)
  status?: MentorStatus;

  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'INVALID_ID' })
  studioId?: string;

  @Field(() => Boolean, { nullable: true, description: 'true: certified only; false: not certified yet.' }) @IsOptional() @IsBoolean()
  certified?: boolean;
}

@ArgsType()
export class SaveTagArgs {
  @Field() @Matches(TAG, { message: 'INVALID_TAG_CODE' })
  code: string;

  @Field() @IsString() @Length(1, 30)
  nameZh: string;

  @Field() @IsString() @Length(1, 60)
  nameEn: string;

  @Field(() => Boolean, { defaultValue: false, description: 'Retired tags stay on profiles but are no longer offered.' }) @IsBoolean()
  retired = false;
}

@InputType()
export class StudioInput {
  @Field() @IsString() @Length(1, 60)
  name: string;

  @Field() @IsRegionCode()
  regionCode: string;

  @Field(() => String, { nullable: true }) @IsOptional() @IsCalendarDate()
  recognizedOn?: string | null;

  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(500)
  description?: string | null;
}

@ArgsType()
export class SaveStudioArgs {
  @Field(() => ID, { nullable: true, description: 'Omit to create.' }) @IsOptional() @IsUUID('all', { message: 'INVALID_ID' })
  id?: string | null;

  @Field(() => StudioInput) @ValidateNested() @Type(() => StudioInput)
  input: StudioInput;
}

@ArgsType()
export class ImportMentorsArgs {
  @Field({ description: 'The .xlsx file, base64 (at most ~70 kB: a few hundred rows).' }) @IsString() @Length(1, 95_000)
  fileBase64: string;

  @Field(() => Boolean, { defaultValue: false, description: 'Check only: report what would happen and import nothing.' }) @IsBoolean()
  dryRun = false;
}

@InputType()
export class FounderInput {
  @Field() @IsString() @Length(1, MENTOR_LIMITS.nameMax)
  name: string;

  @Field(() => String, { nullable: true, description: "The founder's seeker account, by mobile number or e-mail (optional)." })
  @IsOptional() @IsString() @Length(3, 200)
  account?: string | null;
}

@InputType()
export class ProjectInput {
  @Field() @IsString() @Length(1, 100)
  name: string;

  @Field(() => [FounderInput]) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(10) @ValidateNested({ each: true }) @Type(() => FounderInput)
  founders: FounderInput[];

  @Field(() => MentorIndustryEnum) @IsIn(MENTOR_INDUSTRIES)
  industry: MentorIndustry;

  @Field(() => ProjectStageEnum) @IsIn(PROJECT_STAGES)
  stage: ProjectStage;

  @Field() @IsRegionCode()
  regionCode: string;

  @Field(() => ProjectSourceEnum) @IsIn(PROJECT_SOURCES)
  source: ProjectSource;

  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(200)
  sourceNote?: string | null;

  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(2000)
  needs?: string | null;

  @Field(() => [String], { defaultValue: [] }) @IsArray() @ArrayMaxSize(MENTOR_LIMITS.tagsMax) @Matches(TAG, { each: true, message: 'UNKNOWN_EXPERTISE' })
  needTags: string[] = [];
}

@ArgsType()
export class ProjectListArgs extends PageArgs {
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(50)
  search?: string;

  @Field(() => String, { nullable: true }) @IsOptional() @IsRegionCode()
  regionCode?: string;

  @Field(() => Boolean, { nullable: true, description: 'true: only projects nobody follows now.' }) @IsOptional() @IsBoolean()
  unfollowed?: boolean;
}

@ArgsType()
export class ProjectIdArgs {
  @Field(() => ID) @IsUUID('all', { message: 'INVALID_ID' })
  projectId: string;
}

@ArgsType()
export class AssignMentorArgs extends ProjectIdArgs {
  @Field(() => ID) @IsUUID('all', { message: 'INVALID_ID' })
  mentorId: string;

  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(2000)
  goals?: string | null;

  @Field() @IsCalendarDate()
  startsOn: string;

  @Field(() => Boolean, { defaultValue: false, description: 'true: offer it and let the mentor accept; false: the follow-up starts now.' }) @IsBoolean()
  offer = false;
}

@ArgsType()
export class RespondFollowUpArgs extends IdArgs {
  @Field() @IsBoolean()
  accept: boolean;
}

@ArgsType()
export class EndFollowUpArgs extends IdArgs {
  @Field(() => FollowUpOutcomeEnum) @IsIn(FOLLOW_UP_OUTCOMES)
  outcome: FollowUpOutcome;

  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(2000)
  note?: string | null;
}

@InputType()
export class ActionInput {
  @Field() @IsString() @Length(1, 200)
  text: string;

  @Field(() => String, { nullable: true }) @IsOptional() @IsCalendarDate()
  dueOn?: string | null;
}

@InputType({ description: 'One short form: date and time default to now, 60 minutes, on site.' })
export class LogSessionInput {
  @Field(() => ID) @IsUUID('all', { message: 'INVALID_ID' })
  projectId: string;

  @Field(() => Date, { nullable: true, description: 'When it took place; default now. Not in the future, at most a year ago.' }) @IsOptional()
  heldAt?: Date | null;

  @Field(() => Int, { defaultValue: 60 }) @IsInt() @Min(5) @Max(MENTOR_LIMITS.durationMax)
  durationMinutes = 60;

  @Field(() => SessionModeEnum, { defaultValue: 'ON_SITE' }) @IsIn(SESSION_MODES)
  mode: SessionMode = 'ON_SITE';

  @Field(() => [String], { defaultValue: [] }) @IsArray() @ArrayMaxSize(10) @IsString({ each: true }) @Length(1, 50, { each: true })
  topics: string[] = [];

  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(MENTOR_LIMITS.notesMax)
  advice?: string | null;

  @Field(() => [ActionInput], { defaultValue: [] }) @IsArray() @ArrayMaxSize(MENTOR_LIMITS.actionsMax) @ValidateNested({ each: true }) @Type(() => ActionInput)
  actions: ActionInput[] = [];

  @Field(() => String, { nullable: true, description: 'The next session, YYYY-MM-DD.' }) @IsOptional() @IsCalendarDate()
  nextOn?: string | null;
}

@ArgsType()
export class ProjectSessionsArgs extends ProjectIdArgs {}

@ArgsType()
export class StatsArgs {
  @Field(() => String, { nullable: true, description: 'A region the caller covers; default all it covers.' }) @IsOptional() @IsRegionCode()
  regionCode?: string;
}

@ArgsType()
export class EventIdArgs {
  @Field(() => ID) @IsUUID('all', { message: 'INVALID_ID' })
  eventId: string;
}

@ArgsType()
export class AssignEventRoleArgs extends EventIdArgs {
  @Field(() => ID) @IsUUID('all', { message: 'INVALID_ID' })
  mentorId: string;

  @Field(() => MentorEventRoleEnum) @IsIn(MENTOR_EVENT_ROLES)
  role: MentorEventRole;
}

@ArgsType()
export class AttendanceArgs extends IdArgs {
  @Field() @IsBoolean()
  attended: boolean;
}
