import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsDate,
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { EVENT_STATUSES, EVENT_TYPES, type EventStatus, type EventType, type HolidayPolicy } from '@leye/domain';
import { EditScope, EventStatusEnum, EventTypeEnum, HolidayPolicyEnum, SeriesPatternKindEnum } from '../event.enums.js';
import { DateRangeInput } from '../../../common/graphql/date-range.js';
import { PageArgs } from '../../../common/graphql/pagination.js';

export { DateRangeInput };
import { IsCalendarDate, IsClockTime, IsRegionCode } from '../../../common/validation/validators.js';


@InputType()
export class EventFilter {
  @Field({ nullable: true }) @IsOptional() @IsDate() from?: Date;
  @Field({ nullable: true }) @IsOptional() @IsDate() to?: Date;
  @Field(() => [EventTypeEnum], { nullable: true }) @IsOptional() @IsIn(EVENT_TYPES, { each: true }) @ArrayMaxSize(20) types?: EventType[];
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(40) subtype?: string;
  @Field({ nullable: true }) @IsOptional() @IsRegionCode() regionCode?: string;
  @Field(() => [EventStatusEnum], { nullable: true }) @IsOptional() @IsIn(EVENT_STATUSES, { each: true }) @ArrayMaxSize(20) statuses?: EventStatus[];
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(100) text?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() seriesId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() venueId?: string;
}

@ArgsType()
export class EventListArgs extends PageArgs {
  @Field(() => EventFilter, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => EventFilter) filter?: EventFilter;
  @Field(() => String, { nullable: true, description: 'Keyset paging: the previous page\'s pageInfo.endCursor (then skip is ignored).' })
  @IsOptional() @IsString() @MaxLength(200)
  after?: string;
}

/** The longest range `eventsInRange` answers: a month view shows up to six weeks. */
export const EVENT_RANGE_MAX_DAYS = 42;
export const EVENT_RANGE_MAX_TAKE = 500;

@ArgsType()
export class EventRangeArgs {
  @Field() @IsDate() from: Date;
  @Field({ description: `At most ${EVENT_RANGE_MAX_DAYS} days after from.` }) @IsDate() to: Date;
  @Field(() => EventFilter, { nullable: true, description: 'from/to inside the filter are ignored.' })
  @IsOptional() @ValidateNested() @Type(() => EventFilter)
  filter?: EventFilter;

  @Field(() => Int, { defaultValue: EVENT_RANGE_MAX_TAKE }) @IsInt() @Min(1) @Max(EVENT_RANGE_MAX_TAKE)
  take: number = EVENT_RANGE_MAX_TAKE;
}

@InputType()
export class EventDetailsInput {
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(100) industry?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(100) university?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(50) universityCity?: string;
  @Field(() => [ID], { nullable: true }) @IsOptional() @IsUUID('all', { each: true }) @ArrayMaxSize(100) delegationEmployerIds?: string[];
}

/** Fields shared by a standalone event and a series template. */
@InputType({ isAbstract: true })
abstract class EventTemplateFields {
  @Field() @IsString() @Length(2, 200) title: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(5000) description?: string;
  @Field(() => EventTypeEnum) @IsIn(EVENT_TYPES) type: EventType;
  @Field() @IsString() @MaxLength(40) subtype: string;
  @Field(() => EventDetailsInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => EventDetailsInput) details?: EventDetailsInput;
  @Field() @IsRegionCode() regionCode: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() venueId?: string;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() isOnline?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsUrl({ require_protocol: true }) onlineUrl?: string;
  @Field(() => Int) @IsInt() @Min(1) @Max(200000) capacity: number;
  @Field(() => [ID], { nullable: true }) @IsOptional() @IsUUID('all', { each: true }) @ArrayMaxSize(20) coHostIds?: string[];
}

@InputType()
export class EventInput extends EventTemplateFields {
  @Field() @IsDate() startsAt: Date;
  @Field() @IsDate() endsAt: Date;
  @Field({ nullable: true }) @IsOptional() @IsDate() registrationOpensAt?: Date;
  @Field({ nullable: true }) @IsOptional() @IsDate() registrationClosesAt?: Date;
}

@InputType()
export class EventUpdateInput {
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(2, 200) title?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(5000) description?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(40) subtype?: string;
  @Field(() => EventDetailsInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => EventDetailsInput) details?: EventDetailsInput;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() venueId?: string;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() isOnline?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsUrl({ require_protocol: true }) onlineUrl?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(200000) capacity?: number;
  @Field({ nullable: true, description: 'THIS scope only; series scopes use startTime/durationMinutes.' }) @IsOptional() @IsDate() startsAt?: Date;
  @Field({ nullable: true }) @IsOptional() @IsDate() endsAt?: Date;
  @Field({ nullable: true, description: 'HH:mm in Asia/Shanghai, for series scopes.' }) @IsOptional() @IsClockTime() startTime?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(15) @Max(1440) durationMinutes?: number;
  @Field(() => Date, { nullable: true, description: 'null clears the date; leaving the field out keeps it.' }) @IsOptional() @IsDate() registrationOpensAt?: Date | null;
  @Field(() => Date, { nullable: true, description: 'null clears the date; leaving the field out keeps it.' }) @IsOptional() @IsDate() registrationClosesAt?: Date | null;
  @Field(() => [ID], { nullable: true }) @IsOptional() @IsUUID('all', { each: true }) @ArrayMaxSize(20) coHostIds?: string[];
}

@InputType()
export class CadenceInput {
  @Field(() => Int) @IsInt() @Min(2000) @Max(2100) year: number;
  @Field(() => [Int]) @IsInt({ each: true }) @Min(1, { each: true }) @Max(7, { each: true }) @ArrayMinSize(1) @ArrayMaxSize(7) weekdays: number[];
  @Field(() => [DateRangeInput], { nullable: true, description: 'Default: the saved peak seasons of the region and year.' })
  @IsOptional() @ValidateNested({ each: true }) @Type(() => DateRangeInput) @ArrayMaxSize(12)
  peakRanges?: DateRangeInput[];
}

@InputType()
export class SeriesPatternInput {
  @Field(() => SeriesPatternKindEnum) @IsIn(['RRULE', 'SEASONAL_CADENCE']) kind: 'RRULE' | 'SEASONAL_CADENCE';
  @Field({ nullable: true, description: 'RFC 5545 RRULE value without DTSTART, e.g. FREQ=WEEKLY;BYDAY=WE' }) @IsOptional() @IsString() @MaxLength(300) rrule?: string;
  @Field(() => CadenceInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => CadenceInput) cadence?: CadenceInput;
  @Field() @IsCalendarDate() startDate: string;
  @Field({ nullable: true }) @IsOptional() @IsCalendarDate() untilDate?: string;
  @Field() @IsClockTime() startTime: string;
  @Field(() => Int) @IsInt() @Min(15) @Max(1440) durationMinutes: number;
  @Field(() => HolidayPolicyEnum) @IsIn(['SKIP', 'NEXT_WORKING_DAY', 'KEEP']) holidayPolicy: HolidayPolicy;
}

@InputType()
export class CreateEventSeriesInput extends EventTemplateFields {
  @Field(() => Int, { nullable: true, description: 'Registration opens this many days before each occurrence (default 14).' })
  @IsOptional() @IsInt() @Min(0) @Max(365)
  registrationOpensDays?: number;

  @Field(() => SeriesPatternInput) @ValidateNested() @Type(() => SeriesPatternInput) pattern: SeriesPatternInput;

  @Field({ nullable: true, description: 'Publish every occurrence at once.' }) @IsOptional() @IsBoolean() publish?: boolean;
}

@ArgsType()
export class PreviewSeriesArgs {
  @Field(() => SeriesPatternInput) @ValidateNested() @Type(() => SeriesPatternInput) pattern: SeriesPatternInput;
  @Field({ nullable: true }) @IsOptional() @IsRegionCode() regionCode?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() venueId?: string;
}

@ArgsType()
export class EventIdArgs {
  @Field(() => ID) @IsUUID('all', { message: 'INVALID_ID' }) id: string;
}

@ArgsType()
export class UpdateEventArgs extends EventIdArgs {
  @Field(() => EventUpdateInput) @ValidateNested() @Type(() => EventUpdateInput) input: EventUpdateInput;
  @Field(() => EditScope, { defaultValue: EditScope.THIS }) @IsEnum(EditScope) scope: EditScope = EditScope.THIS;
}

@ArgsType()
export class PublishEventArgs extends EventIdArgs {
  @Field(() => EditScope, { defaultValue: EditScope.THIS }) @IsEnum(EditScope) scope: EditScope = EditScope.THIS;
}

@ArgsType()
export class CancelEventArgs extends EventIdArgs {
  @Field() @IsString() @MaxLength(500) reason: string;
}

@ArgsType()
export class RescheduleEventArgs extends EventIdArgs {
  @Field() @IsDate() startsAt: Date;
  @Field() @IsDate() endsAt: Date;
  @Field(() => Boolean, { defaultValue: false, description: 'Confirms a new start in the past (else START_IN_PAST).' })
  @IsBoolean()
  allowPastStart: boolean = false;
}

@ArgsType()
export class CreateEventArgs {
  @Field(() => EventInput) @ValidateNested() @Type(() => EventInput) input: EventInput;
  @Field(() => Boolean, { defaultValue: false }) @IsBoolean() publish: boolean = false;
  @Field(() => Boolean, { defaultValue: false, description: 'Confirms a start in the past (else START_IN_PAST).' })
  @IsBoolean()
  allowPastStart: boolean = false;
}

@ArgsType()
export class AssignableStaffArgs {
  @Field(() => ID) @IsUUID('all', { message: 'INVALID_ID' }) eventId: string;
  @Field({ nullable: true, description: 'Part of a display name.' }) @IsOptional() @IsString() @MaxLength(50) search?: string;
}

@ArgsType()
export class AssignStaffArgs {
  @Field(() => ID) @IsUUID() eventId: string;
  @Field(() => ID) @IsUUID() userId: string;
}
