import { CITY_REGION_CODE, regionCovers } from '@leye/domain';
import type { Actor } from '../auth/actor.js';

/** Helpers every feature's rules share: who is staff, and which regions an actor covers. */
export const isStaff = (actor: Actor | undefined): actor is Actor => !!actor && (actor.role === 'ORGANIZER' || actor.role === 'ADMIN');

/** An admin covers everything; a city organizer every region; a county organizer only its own. */
export function coversRegion(actor: Actor | undefined, regionCode: string | null | undefined): boolean {
  if (!actor) return false;
  if (actor.role === 'ADMIN') return true;
  return actor.role === 'ORGANIZER' && !!actor.regionCode && !!regionCode && regionCovers(actor.regionCode, regionCode);
}

export const isCityWide = (actor: Actor | undefined): boolean =>
  !!actor && (actor.role === 'ADMIN' || (actor.role === 'ORGANIZER' && actor.regionCode === CITY_REGION_CODE));

/** Region codes a staff list is limited to: null means every region, [] none. */
export function staffRegionScope(actor: Actor | undefined): string[] | null {
  if (isCityWide(actor)) return null;
  if (actor?.role === 'ORGANIZER' && actor.regionCode) return [actor.regionCode];
  return [];
}
