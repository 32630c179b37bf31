import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
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

  @Field({ description: 'Staff created or reset the account: the owner must choose a new password first.' })
  mustChangePassword: boolean;

  @Field(() => Date, { nullable: true, description: 'Deactivated by an admin: signing in is refused.' })
  disabledAt: Date | null;

  @Field(() => String, { nullable: true })
  disabledReason: string | null;

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
    mustChangePassword: u.mustChangePassword ?? false,
    disabledAt: u.disabledAt ?? null,
    disabledReason: u.disabledReason ?? null,
    regionCode: u.regionCode,
    employerId: u.employerId,
    isSelf: opts.isSelf ?? false,
  });
}

@ObjectType({ description: 'A page of accounts for the admin list (contact masked).' })
export class UserPage {
  @Field(() => [UserType])
  items: UserType[];

  @Field(() => Int)
  total: number;
}
