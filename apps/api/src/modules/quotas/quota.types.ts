import { ArgsType, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { EVENT_TYPES, QUOTA_KINDS, QUOTA_PROGRAMMES, QUOTA_STATUSES, type EventType, type QuotaKind, type QuotaProgramme, type QuotaStatus } from '@leye/domain';
import { IsCalendarDate, IsRegionCode } from '../../common/validation/validators.js';
import { PageArgs } from '../../common/graphql/pagination.js';
import { EventStatusEnum, EventTypeEnum } from '../events/event.enums.js';

export const QuotaProgrammeEnum = Object.fromEntries(QUOTA_PROGRAMMES.map((p) => [p, p])) as { [K in QuotaProgramme]: K };
registerEnumType(QuotaProgrammeEnum, { name: 'QuotaProgramme', description: 'The recurring programmes of the measures (GUIDE §2) and the reported employment figures.' });
export const QuotaKindEnum = Object.fromEntries(QUOTA_KINDS.map((k) => [k, k])) as { [K in QuotaKind]: K };
registerEnumType(QuotaKindEnum, { name: 'QuotaKind', description: 'MEASURE: a provided measure; CADENCE: the job-fair cadence of clause (八); REPORTED: figures entered monthly.' });
export const QuotaStatusEnum = Object.fromEntries(QUOTA_STATUSES.map((s) => [s, s])) as { [K in QuotaStatus]: K };
registerEnumType(QuotaStatusEnum, { name: 'QuotaStatus', description: 'The status rule of docs/quotas.md.' });
export const LedgerExportStatusEnum = { QUEUED: 'QUEUED', RUNNING: 'RUNNING', DONE: 'DONE', FAILED: 'FAILED' } as const;
export type LedgerExportStatus = keyof typeof LedgerExportStatusEnum;
registerEnumType(LedgerExportStatusEnum, { name: 'LedgerExportStatus' });
export const REPORTED_AGGREGATIONS = ['SUM', 'LATEST'] as const;
export const CadenceSlotStateEnum = { MET: 'MET', MISSED: 'MISSED', OPEN: 'OPEN', UPCOMING: 'UPCOMING', NONE_REQUIRED: 'NONE_REQUIRED' } as const;
registerEnumType(CadenceSlotStateEnum, { name: 'CadenceSlotState' });

@ObjectType('QuotaDefinition', { description: 'A target over a period for a region, citing its clause, and how it is measured.' })
export class QuotaDefinitionType {
  @Field(() => ID) id: string;
  @Field(() => QuotaProgrammeEnum) programme: QuotaProgramme;
  @Field() name: string;
  @Field() nameEn: string;
  @Field() regionCode: string;
  @Field({ description: 'First day (YYYY-MM-DD, Asia/Shanghai).' }) periodStart: string;
  @Field({ description: 'Last day, inclusive.' }) periodEnd: string;
  @Field(() => Float, { nullable: true, description: 'null: tracked without a target (for CADENCE the target is the number of required weeks and months).' }) target: number | null;
  @Field() unit: string;
  @Field() unitEn: string;
  @Field({ description: 'The clause of 临政发〔2025〕4号 it comes from, e.g. （八）.' }) clause: string;
  @Field() clauseText: string;
  @Field(() => QuotaKindEnum) kind: QuotaKind;
  @Field(() => String, { nullable: true }) measureKey: string | null;
  @Field(() => [EventTypeEnum], { description: 'Event filter of event measures (empty: any).' }) eventTypes: EventType[];
  @Field(() => [String]) eventSubtypes: string[];
  @Field(() => [ID]) coHostIds: string[];
  @Field(() => String, { nullable: true, description: 'REPORTED: SUM (monthly additions) or LATEST (a rate or level).' }) aggregation: string | null;
  @Field(() => Int) sortOrder: number;
  @Field(() => Int) version: number;
  @Field() updatedAt: Date;
}

@InputType()
export class QuotaDefinitionInput {
  @Field(() => QuotaProgrammeEnum) @IsIn(QUOTA_PROGRAMMES) programme: QuotaProgramme;
  @Field() @IsString() @Length(2, 100) name: string;
  @Field() @IsString() @Length(2, 100) nameEn: string;
  @Field() @IsRegionCode() regionCode: string;
  @Field() @IsCalendarDate() periodStart: string;
  @Field() @IsCalendarDate() periodEnd: string;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(1e12) target?: number | null;
  @Field() @IsString() @Length(1, 20) unit: string;
  @Field() @IsString() @Length(1, 20) unitEn: string;
  @Field() @IsString() @Length(1, 40) clause: string;
  @Field({ defaultValue: '' }) @IsString() @Length(0, 500) clauseText: string = '';
  @Field(() => QuotaKindEnum) @IsIn(QUOTA_KINDS) kind: QuotaKind;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(/^[a-z]+\.[A-Za-z]+$/, { message: 'INVALID_MEASURE' }) measureKey?: string | null;
  @Field(() => [EventTypeEnum], { defaultValue: [] }) @IsArray() @ArrayMaxSize(5) @IsIn(EVENT_TYPES, { each: true }) eventTypes: EventType[] = [];
  @Field(() => [String], { defaultValue: [] }) @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @Length(1, 40, { each: true }) eventSubtypes: string[] = [];
  @Field(() => [ID], { defaultValue: [] }) @IsArray() @ArrayMaxSize(20) @IsUUID('all', { each: true, message: 'INVALID_ID' }) coHostIds: string[] = [];
  @Field(() => String, { nullable: true }) @IsOptional() @IsIn(REPORTED_AGGREGATIONS) aggregation?: string | null;
  @Field(() => Int, { defaultValue: 0 }) @IsInt() @Min(0) @Max(10000) sortOrder: number = 0;
}

@ArgsType()
export class UpdateQuotaDefinitionArgs {
  @Field(() => ID) @IsUUID('all', { message: 'INVALID_ID' }) id: string;
  @Field(() => Int, { description: 'The version the admin edited (optimistic lock): a stale edit is CONFLICT.' }) @IsInt() @Min(1) @Max(1_000_000) version: number;
  @Field(() => QuotaDefinitionInput) @ValidateNested() @Type(() => QuotaDefinitionInput) input: QuotaDefinitionInput;
}

@ArgsType()
export class QuotaIdArgs {
  @Field(() => ID) @IsUUID('all', { message: 'INVALID_ID' }) id: string;
}

@ArgsType()
export class QuotaDefinitionsArgs {
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(2000) @Max(2100) year?: number;
  @Field(() => String, { nullable: true, description: "Default: the caller's region (the city for admins)." }) @IsOptional() @IsRegionCode() regionCode?: string;
}

@ArgsType()
export class QuotaDashboardArgs {
  @Field(() => Int) @IsInt() @Min(2000) @Max(2100) year: number;
  @Field(() => String, { nullable: true, description: "Default: the caller's region (the city for admins); city organizers drill down by naming a county." })
  @IsOptional() @IsRegionCode() regionCode?: string;
  @Field(() => [ID], { nullable: true, description: 'Only these quotas (the page asks the charts of the charted quota and the cadence this way); default: every quota.' })
  @IsOptional() @ArrayMaxSize(50) @IsUUID('all', { each: true, message: 'INVALID_ID' }) quotaIds?: string[];
}

@ObjectType('QuotaMonth')
export class QuotaMonthType {
  @Field() month: string;
  @Field(() => Float) actual: number;
  @Field(() => Float) cumulative: number;
  @Field(() => Float, { nullable: true, description: 'Where a steady pace to the target stands at the end of the month.' }) requiredCumulative: number | null;
  @Field() started: boolean;
}

@ObjectType('QuotaRegionFigure')
export class QuotaRegionFigureType {
  @Field() regionCode: string;
  @Field() regionName: string;
  @Field() regionNameEn: string;
  @Field(() => Float) value: number;
}

@ObjectType('CadenceWeek')
export class CadenceWeekType {
  @Field() week: string;
  @Field() start: string;
  @Field() end: string;
  @Field(() => Int) required: number;
  @Field(() => Int) count: number;
  @Field(() => CadenceSlotStateEnum) state: keyof typeof CadenceSlotStateEnum;
}

@ObjectType('CadenceMonth')
export class CadenceMonthType {
  @Field() month: string;
  @Field(() => Int) required: number;
  @Field(() => Int) count: number;
  @Field(() => CadenceSlotStateEnum) state: keyof typeof CadenceSlotStateEnum;
}

@ObjectType('QuotaCadence', { description: 'The job-fair cadence of clause (八): peak weeks, off-season months, and every day for the heat map.' })
export class QuotaCadenceType {
  @Field(() => [CadenceWeekType]) peakWeeks: CadenceWeekType[];
  @Field(() => [CadenceMonthType]) offSeasonMonths: CadenceMonthType[];
  @Field(() => [String]) missedPeakWeeks: string[];
  @Field(() => [String]) missedOffSeasonMonths: string[];
  @Field({ description: 'The first day of the per-day lists (the period start).' }) firstDay: string;
  @Field(() => [Int], { description: 'Fairs held (completed) on each day of the period, from firstDay: the heat map.' }) heldByDay: number[];
  @Field(() => [Int], { description: 'Fairs scheduled (published, not yet completed) on each day of the period.' }) scheduledByDay: number[];
}

@ObjectType('QuotaCityShare', { description: "A county's contribution to a city quota it has no target of its own for." })
export class QuotaCityShareType {
  @Field(() => Float, { description: "The city's figure (every county, zone and the city's own records)." }) cityActual: number;
  @Field(() => Float, { nullable: true, description: "The city's target." }) cityTarget: number | null;
  @Field(() => Float, { nullable: true, description: "The county's figure as a percent of the city's (null while the city's is 0)." }) percentOfCityActual: number | null;
  @Field(() => Float, { nullable: true, description: "The county's figure as a percent of the city's target." }) percentOfCityTarget: number | null;
}

@ObjectType('QuotaProgress', { description: 'A quota and how far the records have come: computed, never typed in (except REPORTED figures).' })
export class QuotaProgressType {
  @Field(() => QuotaDefinitionType) definition: QuotaDefinitionType;
  @Field({ description: 'The region whose records are counted (the dashboard region).' }) regionCode: string;
  @Field({ description: "true when a county sees the city's quota counted over its own records (no target of its own)." }) inherited: boolean;
  @Field({ description: 'REPORTED: entered by hand with a source, not computed from records.' }) reported: boolean;
  @Field({ description: 'false for a level (pool size, a rate).' }) additive: boolean;
  @Field({ description: 'Whether a capability provides the measure yet (0 until it does).' }) provided: boolean;
  @Field(() => Float) actual: number;
  @Field(() => Float, { nullable: true }) target: number | null;
  @Field(() => Float, { nullable: true }) percent: number | null;
  @Field(() => Float) elapsedPercent: number;
  @Field(() => Float, { nullable: true }) expectedByNow: number | null;
  @Field(() => Float, { nullable: true }) remaining: number | null;
  @Field(() => Float, { nullable: true }) paceNeededPerMonth: number | null;
  @Field(() => Float) projection: number;
  @Field(() => QuotaStatusEnum) status: QuotaStatus;
  @Field(() => [QuotaMonthType]) months: QuotaMonthType[];
  @Field(() => [QuotaRegionFigureType], { description: 'County comparison: the figure per region counted (city scope: every county, zone and the city itself).' }) byRegion: QuotaRegionFigureType[];
  @Field(() => QuotaCadenceType, { nullable: true }) cadence: QuotaCadenceType | null;
  @Field({ description: 'Whether the number is made of events (clicks through to them).' }) hasEvents: boolean;
  @Field(() => QuotaCityShareType, { nullable: true, description: "Inherited additive quotas only: the county's contribution to the city quota." }) cityShare: QuotaCityShareType | null;
}

@ObjectType('QuotaDashboard')
export class QuotaDashboardType {
  @Field(() => Int) year: number;
  @Field() regionCode: string;
  @Field() asOf: Date;
  @Field(() => Float) elapsedPercent: number;
  @Field(() => [QuotaProgressType]) quotas: QuotaProgressType[];
  @Field(() => [String], { description: 'Regions the caller may drill down to from here.' }) drillDownRegions: string[];
}

@ArgsType()
export class QuotaEventsArgs extends PageArgs {
  @Field(() => ID) @IsUUID('all', { message: 'INVALID_ID' }) quotaId: string;
  @Field(() => String, { nullable: true, description: "Default: the quota's region; a county inside it narrows the list." }) @IsOptional() @IsRegionCode() regionCode?: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM: only that month.' }) @IsOptional() @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'INVALID_MONTH' }) month?: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: only that day (heat map cell).' }) @IsOptional() @IsCalendarDate() date?: string;
}

@ObjectType('QuotaEvent', { description: 'An event behind a quota figure.' })
export class QuotaEventType {
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field(() => EventTypeEnum) type: EventType;
  @Field() subtype: string;
  @Field(() => EventStatusEnum) status: string;
  @Field() startsAt: Date;
  @Field() regionCode: string;
  @Field() regionName: string;
  @Field(() => String, { nullable: true }) venueName: string | null;
  @Field(() => [String]) coHosts: string[];
  @Field(() => Float, { description: 'attendance.unique of this event (0 until attendance provides it).' }) attendees: number;
  @Field(() => Float, { description: 'attendance.participations of this event.' }) participations: number;
}

@ObjectType('QuotaEventPage')
export class QuotaEventPageType {
  @Field(() => [QuotaEventType]) items: QuotaEventType[];
  @Field(() => Int) total: number;
}

@ObjectType('QuotaReportedFigure', { description: 'A figure the platform does not hold, entered monthly with its source (上报数据).' })
export class QuotaReportedFigureType {
  @Field(() => ID) id: string;
  @Field(() => ID) quotaId: string;
  @Field() month: string;
  @Field(() => Float) value: number;
  @Field() source: string;
  @Field() note: string;
  @Field(() => String, { nullable: true }) enteredByName: string | null;
  @Field() enteredAt: Date;
}

@InputType()
export class ReportQuotaFigureInput {
  @Field(() => ID) @IsUUID('all', { message: 'INVALID_ID' }) quotaId: string;
  @Field({ description: 'YYYY-MM' }) @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'INVALID_MONTH' }) month: string;
  @Field(() => Float) @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(1e12) value: number;
  @Field() @IsString() @Length(2, 200) source: string;
  @Field({ defaultValue: '' }) @IsString() @Length(0, 500) note: string = '';
}

@ArgsType()
export class QuotaFiguresArgs {
  @Field(() => ID) @IsUUID('all', { message: 'INVALID_ID' }) quotaId: string;
}

@InputType()
export class RequestLedgerInput {
  @Field() @IsRegionCode() regionCode: string;
  @Field({ description: 'First day (YYYY-MM-DD).' }) @IsCalendarDate() from: string;
  @Field({ description: 'Last day, inclusive.' }) @IsCalendarDate() to: string;
}

@ObjectType('QuotaLedgerExport', { description: 'A ledger (台账) being built on the job queue; its state lives in the database.' })
export class QuotaLedgerExportType {
  @Field(() => ID) id: string;
  @Field() regionCode: string;
  @Field() from: string;
  @Field() to: string;
  @Field(() => LedgerExportStatusEnum) status: LedgerExportStatus;
  @Field(() => Int) progress: number;
  @Field(() => String, { nullable: true }) filename: string | null;
  @Field(() => String, { nullable: true, description: 'GET with the bearer token once DONE.' }) downloadUrl: string | null;
  @Field(() => String, { nullable: true }) error: string | null;
  @Field() createdAt: Date;
}
