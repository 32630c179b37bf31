import type { Actor } from '../../common/auth/actor.js';
import { AccessPolicy } from './access-policy.js';

const actor = (role: Actor['role'], regionCode: string | null = null, employerId: string | null = null): Actor => ({
  id: `${role}-${regionCode}`,
  role,
  displayName: role,
  regionCode,
  employerId,
  locale: 'zh-CN',
});

describe('AccessPolicy', () => {
  it.each([
    [actor('ADMIN'), '371325', true],
    [actor('ORGANIZER', '371300'), '371325', true],
    [actor('ORGANIZER', '371302'), '371302', true],
    [actor('ORGANIZER', '371302'), '371325', false],
    [actor('EMPLOYER', '371302', 'e1'), '371302', false],
    [actor('SEEKER', '371302'), '371302', false],
  ])('canManageRegion(%j, %s) = %s', (a, region, expected) => expect(AccessPolicy.canManageRegion(a, region)).toBe(expected));

  it('gives staff region scopes: all for admin and city, own county otherwise, none for the public', () => {
    expect(AccessPolicy.staffRegionScope(actor('ADMIN'))).toBeNull();
    expect(AccessPolicy.staffRegionScope(actor('ORGANIZER', '371300'))).toBeNull();
    expect(AccessPolicy.staffRegionScope(actor('ORGANIZER', '371312'))).toEqual(['371312']);
    expect(AccessPolicy.staffRegionScope(actor('MENTOR', '371312'))).toEqual([]);
  });

  it('lets an employer member read only its own employer', () => {
    const member = actor('EMPLOYER', '371302', 'e1');
    expect(AccessPolicy.canReadEmployer(member, { id: 'e1', regionCode: '371302' })).toBe(true);
    expect(AccessPolicy.canReadEmployer(member, { id: 'e2', regionCode: '371302' })).toBe(false);
  });

  it.each([
    ['ADMIN', 'ORGANIZER', '371325', true],
    ['ORGANIZER', 'MENTOR', '371300', true],
    ['ORGANIZER', 'ORGANIZER', '371300', false],
    ['EMPLOYER', 'MENTOR', '371302', false],
  ] as const)('%s may create %s in %s: %s', (creator, role, region, expected) => {
    expect(AccessPolicy.canCreateAccount(actor(creator, '371300'), role, region)).toBe(expected);
  });
});
