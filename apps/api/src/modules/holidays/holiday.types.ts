import { ArgsType, Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsInt, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { IsCalendarDate, IsRegionCode } from '../../common/validation/validators.js';
import { HolidayKindEnum, HolidaySourceEnum } from './holiday.enums.js';
import { DateRangeInput, DateRangeType } from '../../common/graphql/date-range.js';

@ObjectType('HolidayDay', { description: 'A statutory holiday (休) or an adjusted working day (班).' })
export class HolidayDayType {
  @Field() date: string;
  @Field(() => HolidayKindEnum) kind: 'HOLIDAY' | 'WORKDAY';
  @Field() name: string;
  @Field(() => HolidaySourceEnum) source: 'CHINESE_DAYS' | 'ADMIN';
}

@ObjectType('HolidayYear')
export class HolidayYearType {
  @Field(() => Int) year: number;
  @Field({ description: 'Whether the bundled chinese-days data has this year; if not, admins enter it.' }) hasBuiltInSchedule: boolean;
  @Field({ description: 'Whether the holidays of this year are known: built in, or entered by an admin.' }) isKnown: boolean;
  @Field(() => [HolidayDayType]) days: HolidayDayType[];
}

@InputType()
export class HolidayDayInput {
  @Field() @IsCalendarDate() date: string;
  @Field(() => HolidayKindEnum) @IsIn(['HOLIDAY', 'WORKDAY']) kind: 'HOLIDAY' | 'WORKDAY';
  @Field() @IsString() @Length(1, 50) name: string;
}

@ArgsType()
export class YearArgs {
  @Field(() => Int) @IsInt() @Min(2000) @Max(2100) year: number;
}

@ArgsType()
export class SetHolidaysArgs extends YearArgs {
  @Field(() => [HolidayDayInput]) @ValidateNested({ each: true }) @Type(() => HolidayDayInput) @ArrayMaxSize(200) days: HolidayDayInput[];
}

@ObjectType('PeakSeasonSettings', { description: '用工旺季 ranges of one region and year.' })
export class PeakSeasonSettingsType {
  @Field(() => Int) year: number;
  @Field() regionCode: string;
  @Field(() => [DateRangeType]) ranges: DateRangeType[];
  @Field({ description: 'True when nothing is saved and the platform default is shown.' }) isDefault: boolean;
}

@ArgsType()
export class PeakSeasonArgs extends YearArgs {
  @Field() @IsRegionCode() regionCode: string;
}

@ArgsType()
export class SetPeakSeasonsArgs extends PeakSeasonArgs {
  @Field(() => [DateRangeInput]) @ValidateNested({ each: true }) @Type(() => DateRangeInput) @ArrayMaxSize(12) ranges: DateRangeInput[];
}
