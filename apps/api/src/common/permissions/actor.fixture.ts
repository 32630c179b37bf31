import type { Actor } from '../auth/actor.js';

/** An actor for rule tests: `role` in `regionCode`, member of `employerId`. */
export const actor = (role: Actor['role'], regionCode: string | null = null, employerId: string | null = null): Actor => ({
  id: `${role}-${regionCode}`,
  role,
  displayName: role,
  regionCode,
  employerId,
  locale: 'zh-CN',
});
