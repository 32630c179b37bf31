import { actor } from './actor.fixture.js';
import { coversRegion, staffRegionScope } from './actor-scope.js';
import { PermissionRegistry } from './permission-registry.js';
import { Permissions } from './permissions.service.js';

describe('region scope', () => {
  it.each([
    [actor('ADMIN'), '371325', true],
    [actor('ORGANIZER', '371300'), '371325', true],
    [actor('ORGANIZER', '371302'), '371302', true],
    [actor('ORGANIZER', '371302'), '371325', false],
    [actor('ORGANIZER', '371302'), '371300', false],
    [actor('ORGANIZER', null), '371302', false],
    [actor('EMPLOYER', '371302', 'e1'), '371302', false],
    [actor('SEEKER', '371302'), '371302', false],
    [undefined, '371302', false],
  ])('coversRegion(%j, %s) = %s', (a, region, expected) => expect(coversRegion(a, region)).toBe(expected));

  it('gives staff region scopes: all for admin and city, own county otherwise, none for the public', () => {
    expect(staffRegionScope(actor('ADMIN'))).toBeNull();
    expect(staffRegionScope(actor('ORGANIZER', '371300'))).toBeNull();
    expect(staffRegionScope(actor('ORGANIZER', '371312'))).toEqual(['371312']);
    expect(staffRegionScope(actor('MENTOR', '371312'))).toEqual([]);
    expect(staffRegionScope(undefined)).toEqual([]);
  });
});

describe('Permissions', () => {
  const registry = new PermissionRegistry();
  registry.register({ 'holiday.manage': (a) => a?.role === 'ADMIN' });
  const permissions = new Permissions(registry);

  it('answers UNAUTHENTICATED to the anonymous and FORBIDDEN to the signed-in', () => {
    expect(() => permissions.require(undefined, 'holiday.manage')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) }));
    expect(() => permissions.require(actor('ORGANIZER', '371300'), 'holiday.manage')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) }));
    expect(() => permissions.require(actor('ADMIN'), 'holiday.manage')).not.toThrow();
  });

  it('never allows an action no module registered, and refuses a rule registered twice', () => {
    expect(() => permissions.can(actor('ADMIN'), 'employer.list')).toThrow('No permission rule registered for "employer.list"');
    expect(() => registry.register({ 'holiday.manage': () => true })).toThrow('registered twice');
  });
});
