import { actor } from '../../common/permissions/actor.fixture.js';
import { postingRules } from './postings.permissions.js';

const lanshanPosting = { employerId: 'e1', employerRegionCode: '371302' };

describe('posting rules', () => {
  it('lets its employer read, edit and withdraw a posting, and no other employer', () => {
    const own = actor('EMPLOYER', null, 'e1');
    const other = actor('EMPLOYER', null, 'e2');
    for (const action of ['posting.read', 'posting.edit', 'posting.withdraw'] as const) {
      expect(postingRules[action](own, lanshanPosting)).toBe(true);
      expect(postingRules[action](other, lanshanPosting)).toBe(false);
      expect(postingRules[action](undefined, lanshanPosting)).toBe(false);
    }
    expect(postingRules['posting.review'](own, lanshanPosting)).toBe(false);
  });

  it('lets organizers covering the employer’s region review, and only city-wide staff change the lists', () => {
    expect(postingRules['posting.review'](actor('ORGANIZER', '371302'), lanshanPosting)).toBe(true);
    expect(postingRules['posting.review'](actor('ORGANIZER', '371300'), lanshanPosting)).toBe(true);
    expect(postingRules['posting.review'](actor('ORGANIZER', '371325'), lanshanPosting)).toBe(false);
    expect(postingRules['posting.edit'](actor('ORGANIZER', '371302'), lanshanPosting)).toBe(false);
    expect(postingRules['posting.lists.manage'](actor('ORGANIZER', '371300'), undefined)).toBe(true);
    expect(postingRules['posting.lists.manage'](actor('ORGANIZER', '371302'), undefined)).toBe(false);
    expect(postingRules['posting.lists.read'](actor('ORGANIZER', '371302'), undefined)).toBe(true);
    expect(postingRules['posting.spotCheck.record'](actor('ORGANIZER', '371325'), { regionCode: '371302' })).toBe(false);
  });
});
