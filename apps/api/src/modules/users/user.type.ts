import { Field, ID, ObjectType } from '@nestjs/graphql';
import { maskEmail, maskPhone, type Role } from '@leye/domain';
import { RoleEnum } from '../../common/graphql/enums.js';
import type { UserEntity } from './user.entity.js';

@ObjectType('User', { description: 'An account. Phone and e-mail are masked unless it is your own.' })
export class UserType {
  @Field(() => ID)
  id: string;

  @Field(() => RoleEnum)
  role: Role;

  @Field()
  displayName: string;

  @Field(() => String, { nullable: true })
  email: string | null;

  @Field(() => String, { nullable: true })
  phone: string | null;

  @Field()
  locale: string;

  @Field()
  createdAt: Date;

  /** Resolved to `region` / `employer` through DataLoaders. */
  regionCode: string | null;
  employerId: string | null;
  /** The caller's own account (their own employer is always visible to them). */
  isSelf: boolean;
}

export function toUserType(u: UserEntity, opts: { maskContact: boolean; isSelf?: boolean }): UserType {
  return Object.assign(new UserType(), {
    id: u.id,
    role: u.role,
    displayName: u.displayName,
    email: opts.maskContact ? maskEmail(u.email) : u.email,
    phone: opts.maskContact ? maskPhone(u.phone) : u.phone,
    locale: u.locale,
    createdAt: u.createdAt,
    regionCode: u.regionCode,
    employerId: u.employerId,
    isSelf: opts.isSelf ?? false,
  });
}
