import { Field, ObjectType } from '@nestjs/graphql';

/** What the caller may do with an event now: the permission table and the event's state agree. */
@ObjectType('EventViewerCan')
export class EventViewerCanType {
  @Field() update: boolean;
  @Field() publish: boolean;
  @Field() cancel: boolean;
  @Field() reschedule: boolean;
  @Field() complete: boolean;
  @Field() assignStaff: boolean;
}
