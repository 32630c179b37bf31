import { actor } from '../../common/permissions/actor.fixture.js';
import { userRules } from './users.permissions.js';

describe('user rules', () => {
  it.each([
    ['ADMIN', 'ORGANIZER', '371325', true],
    ['ADMIN', 'ADMIN', null, true],
    ['ORGANIZER', 'MENTOR', '371300', true],
    ['ORGANIZER', 'ORGANIZER', '371300', false],
    ['EMPLOYER', 'MENTOR', '371302', false],
  ] as const)('%s (city) may create %s in %s: %s', (creator, role, region, expected) => {
    expect(userRules['user.createStaff'](actor(creator, '371300'), { role, regionCode: region })).toBe(expected);
  });

  it('keeps a county organizer to its county', () => {
    expect(userRules['user.createStaff'](actor('ORGANIZER', '371302'), { role: 'HOST', regionCode: '371302' })).toBe(true);
    expect(userRules['user.createStaff'](actor('ORGANIZER', '371302'), { role: 'HOST', regionCode: '371325' })).toBe(false);
  });
});
