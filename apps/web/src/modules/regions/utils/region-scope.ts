import type { RegionLevel } from '../../../generated/graphql.js';

/**
 * The region codes a staff member may act in: null for the city level (everywhere), otherwise only
 * the county, district or zone they belong to. The API enforces the same rule.
 */
export function regionScope(region: { code: string; level: RegionLevel } | null | undefined): string[] | null {
  if (!region || region.level === 'CITY') return null;
  return [region.code];
}
