import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { HolidayPolicyEnum } from '../events/event.enums.js';

export const HolidayClashActionEnum = { CANCEL: 'CANCEL', RESCHEDULE: 'RESCHEDULE', ACKNOWLEDGE: 'ACKNOWLEDGE' } as const;
export type HolidayClashAction = keyof typeof HolidayClashActionEnum;
registerEnumType(HolidayClashActionEnum, {
  name: 'HolidayClashAction',
  description: "What the series' holiday policy does to an occurrence on a holiday: SKIP cancels, NEXT_WORKING_DAY reschedules, KEEP acknowledges.",
});

@ObjectType('HolidayClash', { description: 'A series occurrence that falls on a statutory holiday entered after it was planned.' })
export class HolidayClashType {
  @Field(() => ID) eventId: string;
  @Field() title: string;
  @Field() startsAt: Date;
  @Field() endsAt: Date;
  @Field({ description: 'The holiday date (YYYY-MM-DD, Asia/Shanghai).' }) date: string;
  @Field() holidayName: string;
  @Field(() => ID) seriesId: string;
  @Field() seriesTitle: string;
  @Field(() => HolidayPolicyEnum) holidayPolicy: 'SKIP' | 'NEXT_WORKING_DAY' | 'KEEP';
  @Field(() => HolidayClashActionEnum) action: HolidayClashAction;
  @Field(() => String, { nullable: true, description: 'For RESCHEDULE: the working day it moves to.' }) moveTo: string | null;
  regionCode: string;
}

@ArgsType()
export class HolidayClashesArgs {
  @Field(() => Int, { nullable: true, description: 'Only this year (default: from today on).' })
  @IsOptional() @IsInt() @Min(2000) @Max(2100)
  year?: number;
}

@ArgsType()
export class ResolveHolidayClashArgs {
  @Field(() => ID) @IsUUID('all', { message: 'INVALID_ID' }) eventId: string;
  @Field(() => String, { nullable: true, description: 'Cancel reason (policy SKIP), worded by the client; defaults to the holiday name.' })
  @IsOptional() @IsString() @Length(1, 200)
  cancelReason?: string;
}
