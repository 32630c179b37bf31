import { CREATABLE_ROLES, type Role } from '@leye/domain';
import { coversRegion } from '../../common/permissions/actor-scope.js';
import type { RuleSet } from '../../common/permissions/permission.types.js';

declare module '../../common/permissions/permission.types.js' {
  interface ActionResources {
    /** Creating an account of `role` in `regionCode` (staff accounts people cannot make themselves). */
    'user.createStaff': { role: Role; regionCode: string | null };
    'user.readSelf': { id: string };
    'user.updateProfile': { id: string };
  }
}

/** Accounts: everyone manages their own; organizers create mentors and hosts of their region, admins anyone. */
export const userRules: RuleSet<'user.createStaff' | 'user.readSelf' | 'user.updateProfile'> = {
  'user.createStaff': (actor, a) =>
    !!actor && CREATABLE_ROLES[actor.role].includes(a.role) && (actor.role === 'ADMIN' || (a.regionCode !== null && coversRegion(actor, a.regionCode))),
  'user.readSelf': (actor, u) => actor?.id === u.id,
  'user.updateProfile': (actor, u) => actor?.id === u.id,
};
