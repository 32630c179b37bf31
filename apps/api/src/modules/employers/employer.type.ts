import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { creditCodeRegionMismatch, maskPhone } from '@leye/domain';
import { EmployerStatus, type EmployerEntity } from './employer.entity.js';

registerEnumType(EmployerStatus, { name: 'EmployerStatus', description: '审核状态 of an employer.' });

@ObjectType('Employer', { description: '用人单位: an organisation and its verification state.' })
export class EmployerType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field({ description: '统一社会信用代码 (GB 32100-2015)' })
  creditCode: string;

  /** Resolved to `region` through a DataLoader. */
  regionCode: string;

  @Field(() => EmployerStatus)
  status: EmployerStatus;

  @Field(() => String, { nullable: true })
  rejectionReason: string | null;

  @Field(() => Date, { nullable: true })
  reviewedAt: Date | null;

  @Field(() => String, { nullable: true })
  contactName: string | null;

  @Field(() => String, { nullable: true, description: 'Masked (138****0001) in lists.' })
  contactPhone: string | null;

  @Field()
  createdAt: Date;

  @Field(() => String, {
    nullable: true,
    description: 'OUTSIDE_LINYI or OUTSIDE_REGION when the credit code\'s division digits (3–8) do not fit the region; a hint for the reviewer.',
  })
  creditCodeRegionMismatch: string | null;
}

@ObjectType('EmployerPage')
export class EmployerPage {
  @Field(() => [EmployerType])
  items: EmployerType[];

  @Field(() => Int)
  total: number;
}

export function toEmployerType(e: EmployerEntity, opts: { maskContact: boolean }): EmployerType {
  return Object.assign(new EmployerType(), {
    id: e.id,
    name: e.name,
    creditCode: e.creditCode,
    regionCode: e.regionCode,
    status: e.status,
    rejectionReason: e.rejectionReason,
    reviewedAt: e.reviewedAt,
    contactName: e.contactName,
    contactPhone: opts.maskContact ? maskPhone(e.contactPhone) : e.contactPhone,
    createdAt: e.createdAt,
    creditCodeRegionMismatch: creditCodeRegionMismatch(e.creditCode, e.regionCode),
  });
}
