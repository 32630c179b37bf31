import { Field, ObjectType } from '@nestjs/graphql';

/** What the caller may do with an employer now: the permission table and the review state agree. */
@ObjectType('EmployerViewerCan')
export class EmployerViewerCanType {
  @Field() verify: boolean;
  @Field() reject: boolean;
}
