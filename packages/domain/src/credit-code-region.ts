import { checkCreditCode } from './credit-code.js';
import { CITY_REGION_CODE, LINYI_REGIONS } from './regions.js';

/**
 * Why a credit code's administrative-division digits (characters 3–8) do not fit the region an employer chose:
 * `OUTSIDE_LINYI` (registered elsewhere), `OUTSIDE_REGION` (another Linyi district or county), or null when they
 * fit. A city-level code (371300) fits every Linyi region, and zones (管委会) have no division code of their own, so
 * any Linyi code fits them. A warning for people, never a refusal: firms move.
 */
export type CreditCodeRegionMismatch = 'OUTSIDE_LINYI' | 'OUTSIDE_REGION';

export function creditCodeRegionMismatch(creditCode: string, regionCode: string | null | undefined): CreditCodeRegionMismatch | null {
  const embedded = checkCreditCode(creditCode).regionCode ?? /^\d{6}$/.exec(creditCode.slice(2, 8))?.[0];
  if (!embedded) return null;
  if (!embedded.startsWith(CITY_REGION_CODE.slice(0, 4))) return 'OUTSIDE_LINYI';
  if (!regionCode || embedded === regionCode || embedded === CITY_REGION_CODE) return null;
  const chosen = LINYI_REGIONS.find((r) => r.code === regionCode);
  if (!chosen || chosen.level === 'ZONE' || chosen.level === 'CITY') return null;
  return 'OUTSIDE_REGION';
}
