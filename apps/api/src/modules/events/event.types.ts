import { DateRangeType } from '../../common/graphql/date-range.js';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { EventStatus, EventType, HolidayPolicy } from '@leye/domain';
import {
  EventStatusEnum,
  EventTypeEnum,
  HolidayPolicyEnum,
  AdjustmentReasonEnum,
  OccurrenceAdjustmentEnum,
  SeriesPatternKindEnum,
} from './event.enums.js';
import { PageInfo } from '../../common/graphql/pagination.js';
import type { CoHostBodyEntity } from './co-hosts/co-host-body.entity.js';
import type { EventDetailsData, EventEntity } from './event.entity.js';

export { DateRangeType };

@ObjectType('CoHostBody', { description: '协办主体: a co-hosting body from the maintained list.' })
export class CoHostBodyType {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) nameEn: string | null;
  @Field() active: boolean;
}

export const toCoHostBodyType = (c: CoHostBodyEntity): CoHostBodyType =>
  Object.assign(new CoHostBodyType(), { id: c.id, name: c.name, nameEn: c.nameEn, active: c.active });

@ObjectType('EventDetails', { description: 'Type-specific fields (industry fairs, campus recruiting).' })
export class EventDetailsType {
  @Field(() => String, { nullable: true }) industry: string | null;
  @Field(() => String, { nullable: true }) university: string | null;
  @Field(() => String, { nullable: true }) universityCity: string | null;
  /** Resolved to `delegation`. */
  delegationEmployerIds: string[];
}

@ObjectType('EventSeriesSummary')
export class EventSeriesSummaryType {
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field() ruleText: string;
  @Field(() => SeriesPatternKindEnum, { description: 'With the cadence fields, lets the client word the rule in its own language.' })
  patternKind: 'RRULE' | 'SEASONAL_CADENCE';
  @Field(() => Int, { nullable: true }) cadenceYear: number | null;
  @Field(() => [Int], { nullable: true, description: 'Preferred ISO weekdays (1 = Monday) of a seasonal cadence.' }) cadenceWeekdays: number[] | null;
}

@ObjectType('Event', { description: 'One dated event in the calendar (an occurrence of a series, or standalone).' })
export class EventType_ {
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field() description: string;
  @Field(() => EventTypeEnum) type: EventType;
  @Field() subtype: string;
  @Field(() => EventDetailsType) details: EventDetailsType;
  @Field() isOnline: boolean;
  @Field(() => String, { nullable: true }) onlineUrl: string | null;
  @Field(() => Int) capacity: number;
  @Field() startsAt: Date;
  @Field() endsAt: Date;
  @Field(() => Date, { nullable: true }) registrationOpensAt: Date | null;
  @Field(() => Date, { nullable: true }) registrationClosesAt: Date | null;
  @Field(() => EventStatusEnum) status: EventStatus;
  @Field(() => String, { nullable: true }) cancelReason: string | null;
  @Field(() => String, { nullable: true, description: 'The date (YYYY-MM-DD) the series rule produced.' }) occurrenceKey: string | null;
  @Field({ description: 'Edited on its own, apart from its series.' }) isException: boolean;
  @Field(() => Date, { nullable: true }) originalStartsAt: Date | null;
  @Field() createdAt: Date;
  regionCode: string;
  venueId: string | null;
  seriesId: string | null;
}

@ObjectType('EventPage', { description: 'A page in calendar order. Page on with `after: pageInfo.endCursor`; `total` costs a count, ask only when shown.' })
export class EventPage {
  @Field(() => [EventType_]) items: EventType_[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  /** Resolved to `total` by EventPageResolver, only when selected. */
  countTotal: () => Promise<number>;
}

@ObjectType('EventRange', { description: 'Every event of a bounded date range (a calendar month or week), in one answer.' })
export class EventRange {
  @Field(() => [EventType_]) items: EventType_[];
  @Field({ description: 'More events matched than the limit; only the first ones are given.' }) truncated: boolean;
}

export function toEventType(e: EventEntity): EventType_ {
  const details: EventDetailsData = e.details ?? {};
  return Object.assign(new EventType_(), {
    id: e.id,
    title: e.title,
    description: e.description,
    type: e.type,
    subtype: e.subtype,
    details: Object.assign(new EventDetailsType(), {
      industry: details.industry ?? null,
      university: details.university ?? null,
      universityCity: details.universityCity ?? null,
      delegationEmployerIds: details.delegationEmployerIds ?? [],
    }),
    isOnline: e.isOnline,
    onlineUrl: e.onlineUrl,
    capacity: e.capacity,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    registrationOpensAt: e.registrationOpensAt,
    registrationClosesAt: e.registrationClosesAt,
    status: e.status,
    cancelReason: e.cancelReason,
    occurrenceKey: e.occurrenceKey,
    isException: e.detached,
    originalStartsAt: e.originalStartsAt,
    createdAt: e.createdAt,
    regionCode: e.regionCode,
    venueId: e.venueId,
    seriesId: e.seriesId,
  });
}

@ObjectType('CadenceSettings')
export class CadenceSettingsType {
  @Field(() => Int) year: number;
  @Field(() => [Int]) weekdays: number[];
  @Field(() => [DateRangeType]) peakRanges: DateRangeType[];
}

@ObjectType('EventSeries', { description: '系列活动: a recurring programme.' })
export class EventSeriesType {
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field(() => EventTypeEnum) type: EventType;
  @Field() subtype: string;
  @Field(() => SeriesPatternKindEnum) patternKind: 'RRULE' | 'SEASONAL_CADENCE';
  @Field(() => String, { nullable: true }) rrule: string | null;
  @Field() ruleText: string;
  @Field(() => CadenceSettingsType, { nullable: true }) cadence: CadenceSettingsType | null;
  @Field() startDate: string;
  @Field(() => String, { nullable: true }) untilDate: string | null;
  @Field() startTime: string;
  @Field(() => Int) durationMinutes: number;
  @Field(() => HolidayPolicyEnum) holidayPolicy: HolidayPolicy;
  @Field() materializedUntil: string;
  @Field(() => Int) occurrenceCount: number;
  regionCode: string;
}

@ObjectType('OccurrencePreview')
export class OccurrencePreviewType {
  @Field() occurrenceKey: string;
  @Field() date: string;
  @Field() startsAt: Date;
  @Field() endsAt: Date;
  @Field(() => OccurrenceAdjustmentEnum) adjustment: string;
  @Field(() => AdjustmentReasonEnum, { nullable: true, description: 'Why the date differs from the rule date (or the occurrence is dropped).' }) reason: string | null;
  @Field(() => String, { nullable: true }) holidayName: string | null;
  @Field(() => String, { nullable: true, description: 'A dropped occurrence merged into the series occurrence on this date.' }) mergedInto: string | null;
  @Field(() => String, { nullable: true, description: 'Title of the event already holding the venue then.' }) venueConflict: string | null;
}

@ObjectType('CadenceCheck')
export class CadenceCheckType {
  @Field(() => [String]) missedPeakWeeks: string[];
  @Field(() => [String]) missedOffSeasonMonths: string[];
}

@ObjectType('SeriesPreview')
export class SeriesPreviewType {
  @Field(() => [OccurrencePreviewType]) occurrences: OccurrencePreviewType[];
  @Field(() => Int) count: number;
  @Field(() => Int) skipped: number;
  @Field(() => Int) moved: number;
  @Field(() => Int, { description: 'Moved to an earlier date (提前).' }) movedEarlier: number;
  @Field(() => Int, { description: 'Moved to a later date (顺延).' }) movedLater: number;
  @Field(() => [Int], { description: 'Years of the planned dates whose holidays are not known yet (neither built in nor entered by an admin).' })
  holidaysUnknownYears: number[];
  @Field(() => CadenceCheckType, { nullable: true }) cadenceCheck: CadenceCheckType | null;
}
