import { CREATABLE_ROLES, type Role } from '@leye/domain';
import { coversRegion } from '../../common/permissions/actor-scope.js';
import type { RuleSet } from '../../common/permissions/permission.types.js';

/** An account as the rules about other people's accounts see it. */
export interface AccountResource {
  id: string;
  role: Role;
  regionCode: string | null;
}

declare module '../../common/permissions/permission.types.js' {
  interface ActionResources {
    /** Creating an account of `role` in `regionCode` (staff accounts people cannot make themselves). */
    'user.createStaff': { role: Role; regionCode: string | null };
    'user.readSelf': { id: string };
    'user.updateProfile': { id: string };
    'user.changePassword': { id: string };
    /** The admin's list of accounts (search, filter, contact masked). */
    'user.list': undefined;
    'user.deactivate': AccountResource;
    /** A one-time password reset code to hand to the account's owner. */
    'user.issueResetCode': AccountResource;
  }
}

/** Roles whose passwords an organizer of their region may reset (not fellow organizers or admins). */
const ORGANIZER_RESETTABLE: readonly Role[] = ['SEEKER', 'EMPLOYER', 'MENTOR', 'HOST'];

type UserAction = 'user.createStaff' | 'user.readSelf' | 'user.updateProfile' | 'user.changePassword' | 'user.list' | 'user.deactivate' | 'user.issueResetCode';

/** Accounts: everyone manages their own; organizers create mentors and hosts of their region, admins anyone. */
export const userRules: RuleSet<UserAction> = {
  'user.createStaff': (actor, a) =>
    !!actor && CREATABLE_ROLES[actor.role].includes(a.role) && (actor.role === 'ADMIN' || (a.regionCode !== null && coversRegion(actor, a.regionCode))),
  'user.readSelf': (actor, u) => actor?.id === u.id,
  'user.updateProfile': (actor, u) => actor?.id === u.id,
  'user.changePassword': (actor, u) => actor?.id === u.id,
  'user.list': (actor) => actor?.role === 'ADMIN',
  // Never oneself: an admin cannot lock the last admin door by accident.
  'user.deactivate': (actor, u) => actor?.role === 'ADMIN' && actor.id !== u.id,
  'user.issueResetCode': (actor, u) =>
    !!actor &&
    actor.id !== u.id &&
    (actor.role === 'ADMIN' || (actor.role === 'ORGANIZER' && ORGANIZER_RESETTABLE.includes(u.role) && u.regionCode !== null && coversRegion(actor, u.regionCode))),
};
