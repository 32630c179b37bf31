import { registerEnumType } from '@nestjs/graphql';
import { EVENT_STATUSES, EVENT_TYPES, type EventStatus, type EventType } from '@leye/domain';

/** The calendar's GraphQL enums, built from the domain's own lists so there is one source of truth. */
export const EventTypeEnum = Object.fromEntries(EVENT_TYPES.map((t) => [t, t])) as { [K in EventType]: K };
registerEnumType(EventTypeEnum, { name: 'EventType', description: 'Kinds of calendar event (guide §2).' });

export const EventStatusEnum = Object.fromEntries(EVENT_STATUSES.map((s) => [s, s])) as { [K in EventStatus]: K };
registerEnumType(EventStatusEnum, { name: 'EventStatus', description: 'DRAFT → PUBLISHED → COMPLETED, or CANCELLED with a reason.' });

export const HolidayPolicyEnum = { SKIP: 'SKIP', NEXT_WORKING_DAY: 'NEXT_WORKING_DAY', KEEP: 'KEEP' } as const;
registerEnumType(HolidayPolicyEnum, { name: 'HolidayPolicy', description: 'What a statutory holiday does to a series occurrence.' });

export enum EditScope {
  THIS = 'THIS',
  THIS_AND_FOLLOWING = 'THIS_AND_FOLLOWING',
  ALL = 'ALL',
}
registerEnumType(EditScope, { name: 'EditScope', description: 'Which occurrences of a series an edit applies to.' });

export const OccurrenceAdjustmentEnum = { NONE: 'NONE', SKIPPED: 'SKIPPED', MOVED: 'MOVED', KEPT_ON_HOLIDAY: 'KEPT_ON_HOLIDAY' } as const;
registerEnumType(OccurrenceAdjustmentEnum, { name: 'OccurrenceAdjustment' });

export const AdjustmentReasonEnum = { HOLIDAY: 'HOLIDAY', OUTSIDE_PEAK_DAYS: 'OUTSIDE_PEAK_DAYS', NO_PREFERRED_DAY: 'NO_PREFERRED_DAY', WEEK_TAKEN: 'WEEK_TAKEN' } as const;
registerEnumType(AdjustmentReasonEnum, { name: 'AdjustmentReason', description: 'Why a planned occurrence is not on its rule date.' });

export const SeriesPatternKindEnum = { RRULE: 'RRULE', SEASONAL_CADENCE: 'SEASONAL_CADENCE' } as const;
registerEnumType(SeriesPatternKindEnum, { name: 'SeriesPatternKind' });
