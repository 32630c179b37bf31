import { CITY_REGION_CODE, CREATABLE_ROLES, regionCovers, type Role } from '@leye/domain';
import type { Actor } from '../../common/auth/actor.js';
import { forbidden } from '../../common/errors/app-error.js';

/**
 * The one place that decides what a caller may read or change: by role, by region (a city
 * organizer sees all, a county organizer its own) and by owning employer. Resolvers and socket
 * handlers call these; services receive already-authorised requests.
 */
export const AccessPolicy = {
  /** Region codes an actor's staff queries are limited to; null means every region. */
  staffRegionScope(actor: Actor): string[] | null {
    if (actor.role === 'ADMIN') return null;
    if (actor.role === 'ORGANIZER') {
      if (!actor.regionCode || actor.regionCode === CITY_REGION_CODE) return null;
      return [actor.regionCode];
    }
    return [];
  },

  canManageRegion(actor: Actor, regionCode: string): boolean {
    if (actor.role === 'ADMIN') return true;
    return actor.role === 'ORGANIZER' && !!actor.regionCode && regionCovers(actor.regionCode, regionCode);
  },

  canReadEmployer(actor: Actor, employer: { id: string; regionCode: string }): boolean {
    return AccessPolicy.canManageRegion(actor, employer.regionCode) || (actor.role === 'EMPLOYER' && actor.employerId === employer.id);
  },

  canReviewEmployer(actor: Actor, employer: { regionCode: string }): boolean {
    return AccessPolicy.canManageRegion(actor, employer.regionCode);
  },

  canCreateAccount(actor: Actor, role: Role, regionCode: string | null): boolean {
    if (!CREATABLE_ROLES[actor.role].includes(role)) return false;
    if (actor.role === 'ADMIN') return true;
    return regionCode !== null && AccessPolicy.canManageRegion(actor, regionCode);
  },

  /** Whether the caller sees a person's full phone / e-mail rather than the masked form. */
  seesContactOf(actor: Actor | undefined, userId: string): boolean {
    return !!actor && (actor.id === userId || actor.role === 'ADMIN');
  },

  assert(allowed: boolean, message?: string): void {
    if (!allowed) throw forbidden(message);
  },
};
