import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { IsCalendarDate } from '../validation/validators.js';

/** A range of calendar days (YYYY-MM-DD, Asia/Shanghai), both ends included: peak seasons, cadence ranges. */
@InputType()
export class DateRangeInput {
  @Field() @IsCalendarDate() start: string;
  @Field() @IsCalendarDate() end: string;
}

@ObjectType('DateRange')
export class DateRangeType {
  @Field() start: string;
  @Field() end: string;
}
