/**
 * Linyi city (临沂市) and its districts, counties and management-committee zones (管委会).
 * Zone codes are platform codes (they have no GB/T 2260 code): 3713 + 9x.
 */
export type RegionLevel = 'CITY' | 'DISTRICT' | 'COUNTY' | 'ZONE';

export interface RegionDefinition {
  code: string;
  name: string;
  nameEn: string;
  level: RegionLevel;
  parentCode: string | null;
}

export const CITY_REGION_CODE = '371300';

export const LINYI_REGIONS: readonly RegionDefinition[] = [
  { code: '371300', name: '临沂市', nameEn: 'Linyi City', level: 'CITY', parentCode: null },
  { code: '371302', name: '兰山区', nameEn: 'Lanshan District', level: 'DISTRICT', parentCode: '371300' },
  { code: '371311', name: '罗庄区', nameEn: 'Luozhuang District', level: 'DISTRICT', parentCode: '371300' },
  { code: '371312', name: '河东区', nameEn: 'Hedong District', level: 'DISTRICT', parentCode: '371300' },
  { code: '371321', name: '沂南县', nameEn: 'Yinan County', level: 'COUNTY', parentCode: '371300' },
  { code: '371322', name: '郯城县', nameEn: 'Tancheng County', level: 'COUNTY', parentCode: '371300' },
  { code: '371323', name: '沂水县', nameEn: 'Yishui County', level: 'COUNTY', parentCode: '371300' },
  { code: '371324', name: '兰陵县', nameEn: 'Lanling County', level: 'COUNTY', parentCode: '371300' },
  { code: '371325', name: '费县', nameEn: 'Fei County', level: 'COUNTY', parentCode: '371300' },
  { code: '371326', name: '平邑县', nameEn: 'Pingyi County', level: 'COUNTY', parentCode: '371300' },
  { code: '371327', name: '莒南县', nameEn: 'Junan County', level: 'COUNTY', parentCode: '371300' },
  { code: '371328', name: '蒙阴县', nameEn: 'Mengyin County', level: 'COUNTY', parentCode: '371300' },
  { code: '371329', name: '临沭县', nameEn: 'Linshu County', level: 'COUNTY', parentCode: '371300' },
  { code: '371391', name: '临沂高新技术产业开发区', nameEn: 'Linyi High-tech Zone', level: 'ZONE', parentCode: '371300' },
  { code: '371392', name: '临沂经济技术开发区', nameEn: 'Linyi Economic and Technological Development Zone', level: 'ZONE', parentCode: '371300' },
  { code: '371393', name: '临沂临港经济开发区', nameEn: 'Linyi Lingang Economic Development Zone', level: 'ZONE', parentCode: '371300' },
  { code: '371394', name: '临沂沂河新区', nameEn: 'Linyi Yihe New Area', level: 'ZONE', parentCode: '371300' },
];

/** Whether an organizer scoped to `scopeCode` may act on something in `targetCode`. */
export function regionCovers(scopeCode: string, targetCode: string): boolean {
  if (scopeCode === targetCode) return true;
  const target = LINYI_REGIONS.find((r) => r.code === targetCode);
  return !!target && target.parentCode === scopeCode;
}
