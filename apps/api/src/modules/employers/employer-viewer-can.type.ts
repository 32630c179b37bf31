import { Field, ObjectType } from '@nestjs/graphql';

/** What the caller may do with an employer now: the permission table and the review state agree. */
@ObjectType('EmployerViewerCan')
export class EmployerViewerCanType {
  @Field() verify: boolean;
  @Field() reject: boolean;
  @Field({ description: 'Withdraw a verification (VERIFIED only).' }) revoke: boolean;
  @Field({ description: 'Correct the details and ask for review again (REJECTED, own members).' }) resubmit: boolean;
}
