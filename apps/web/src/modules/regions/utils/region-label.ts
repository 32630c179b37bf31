import { LINYI_REGIONS, type RegionDefinition } from '@leye/domain';
import type { Language } from '../../i18n/utils/language.js';

type RegionLike = Pick<RegionDefinition, 'code' | 'name' | 'nameEn'>;

/** A region's name in the UI language; falls back to the shared list when only a code is known. */
export function regionLabel(region: RegionLike | string | null | undefined, language: Language): string | null {
  if (!region) return null;
  const r = typeof region === 'string' ? LINYI_REGIONS.find((x) => x.code === region) : region;
  if (!r) return typeof region === 'string' ? region : null;
  return language === 'en' ? r.nameEn : r.name;
}

/** Select options grouped the way people think of them: city, districts, counties, zones. */
export function regionOptions(language: Language, { includeCity = true }: { includeCity?: boolean } = {}) {
  return LINYI_REGIONS.filter((r) => includeCity || r.level !== 'CITY').map((r) => ({
    value: r.code,
    label: language === 'en' ? r.nameEn : r.name,
    // Searching by either name or by code works in both languages.
    search: `${r.name} ${r.nameEn} ${r.code}`.toLowerCase(),
  }));
}
