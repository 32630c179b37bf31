import { describe, expect, it } from '@jest/globals';
import { ROLES } from '@leye/domain';
import { ROLE_HOME, postLoginPath } from './role-home.js';

describe('postLoginPath', () => {
  it('has a distinct home for every role', () => {
    expect(new Set(ROLES.map((r) => ROLE_HOME[r])).size).toBe(ROLES.length);
  });

  it.each([
    ['ORGANIZER', null, '/organizer'],
    ['ORGANIZER', '/organizer/employers/42', '/organizer/employers/42'],
    ['ORGANIZER', '/organizerx', '/organizer'],
    ['EMPLOYER', '/organizer/employers', '/employer'],
    ['SEEKER', '//evil.example/seeker', '/seeker'],
    ['SEEKER', 'https://evil.example/', '/seeker'],
    ['ADMIN', '/admin/staff', '/admin/staff'],
    ['SEEKER', '/station/8d1c7f2e-0000-4000-8000-000000000001', '/station/8d1c7f2e-0000-4000-8000-000000000001'],
    ['ORGANIZER', '/station', '/station'],
    ['ORGANIZER', '/stationery', '/organizer'],
  ] as const)('%s asking for %s goes to %s', (role, requested, expected) => {
    expect(postLoginPath(role, requested)).toBe(expected);
  });
});
