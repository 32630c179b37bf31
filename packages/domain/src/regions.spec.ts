import { CITY_REGION_CODE, LINYI_REGIONS, regionCovers } from './regions.js';

describe('Linyi regions and organizer scope', () => {
  it('has the city, 3 districts, 9 counties and 4 zones, all under the city', () => {
    expect(LINYI_REGIONS.filter((r) => r.level === 'CITY').map((r) => r.code)).toEqual([CITY_REGION_CODE]);
    expect(LINYI_REGIONS.filter((r) => r.level === 'DISTRICT')).toHaveLength(3);
    expect(LINYI_REGIONS.filter((r) => r.level === 'COUNTY')).toHaveLength(9);
    expect(LINYI_REGIONS.filter((r) => r.level === 'ZONE')).toHaveLength(4);
    expect(new Set(LINYI_REGIONS.map((r) => r.code)).size).toBe(LINYI_REGIONS.length);
    for (const r of LINYI_REGIONS) if (r.code !== CITY_REGION_CODE) expect(r.parentCode).toBe(CITY_REGION_CODE);
  });

  it.each([
    ['371300', '371302', true],
    ['371300', '371300', true],
    ['371302', '371302', true],
    ['371302', '371325', false],
    ['371302', '371300', false],
    ['371300', '999999', false],
  ])('scope %s covers %s → %s', (scope, target, covers) => expect(regionCovers(scope, target)).toBe(covers));
});
