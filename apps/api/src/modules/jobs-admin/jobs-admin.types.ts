import { ArgsType, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@ObjectType('FailedJob', { description: '后台任务: a background job that used up its retries.' })
export class FailedJobType {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Queue name, e.g. event.EventNotificationsSubscriber.notifyCancelled.' })
  name: string;

  @Field({ description: 'The last error message.' })
  error: string;

  @Field(() => Int)
  attempts: number;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  failedAt: Date | null;
}

@ObjectType('FailedJobPage')
export class FailedJobPage {
  @Field(() => [FailedJobType])
  items: FailedJobType[];

  @Field(() => Int)
  total: number;
}

@ArgsType()
export class RetryJobArgs {
  @Field(() => ID) @IsUUID()
  id: string;
}
