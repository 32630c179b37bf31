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

describe('reset codes and deactivation', () => {
  const seeker = { id: 's1', role: 'SEEKER' as const, regionCode: '371302' };
  it.each([
    ['ORGANIZER', '371302', seeker, true],
    ['ORGANIZER', '371300', seeker, true],
    ['ORGANIZER', '371325', seeker, false],
    ['ORGANIZER', '371302', { ...seeker, role: 'ORGANIZER' as const }, false],
    ['ADMIN', null, { ...seeker, role: 'ORGANIZER' as const }, true],
    ['MENTOR', '371302', seeker, false],
  ] as const)('%s of %s may issue a reset code for %o: %s', (role, region, target, expected) => {
    expect(userRules['user.issueResetCode'](actor(role, region), target)).toBe(expected);
  });

  it('lets only admins deactivate, never themselves', () => {
    const admin = actor('ADMIN', null);
    expect(userRules['user.deactivate'](admin, seeker)).toBe(true);
    expect(userRules['user.deactivate'](admin, { id: admin.id, role: 'ADMIN', regionCode: null })).toBe(false);
    expect(userRules['user.deactivate'](actor('ORGANIZER', '371300'), seeker)).toBe(false);
  });
});
