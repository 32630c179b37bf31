import { actor as make } from '../../common/permissions/actor.fixture.js';
import type { Actor } from '../../common/auth/actor.js';

const actor = (a: { id?: string; role: Actor['role']; regionCode?: string; employerId?: string }): Actor => ({
  ...make(a.role, a.regionCode ?? null, a.employerId ?? null),
  ...(a.id ? { id: a.id } : {}),
});
import { attendanceRules as r } from './attendance.permissions.js';

describe('attendance rules', () => {
  const lanshan = actor({ role: 'ORGANIZER', regionCode: '371302' });
  const feixian = actor({ role: 'ORGANIZER', regionCode: '371325' });
  const city = actor({ role: 'ORGANIZER', regionCode: '371300' });
  const volunteer = actor({ id: 'v1', role: 'HOST', regionCode: '371302' });
  const event = { regionCode: '371302', doorVolunteerIds: ['v1'] };

  it('lets door volunteers scan at their own event only', () => {
    expect(r['attendance.scan'](volunteer, event)).toBe(true);
    expect(r['attendance.scan'](volunteer, { ...event, doorVolunteerIds: [] })).toBe(false);
    expect(r['attendance.manage'](volunteer, event)).toBe(false);
    expect(r['attendance.exportUnmasked'](volunteer, event)).toBe(false);
  });

  it('lets organizers covering the region manage; unmasked export only city-wide', () => {
    expect(r['attendance.scan'](lanshan, event)).toBe(true);
    expect(r['attendance.scan'](feixian, event)).toBe(false);
    expect(r['attendance.manage'](lanshan, event)).toBe(true);
    expect(r['attendance.exportUnmasked'](lanshan, event)).toBe(false);
    expect(r['attendance.exportUnmasked'](city, event)).toBe(true);
  });

  it('keeps registrations to their seeker', () => {
    const seeker = actor({ id: 's1', role: 'SEEKER' });
    expect(r['attendance.ownRegistration'](seeker, { userId: 's1' })).toBe(true);
    expect(r['attendance.ownRegistration'](seeker, { userId: 's2' })).toBe(false);
    expect(r['attendance.register'](lanshan, undefined)).toBe(false);
  });

  it('lets an employer record only its own outcome', () => {
    const emp = actor({ role: 'EMPLOYER', employerId: 'e1' });
    expect(r['attendance.recordOutcome'](emp, { regionCode: '371302', employerId: 'e1' })).toBe(true);
    expect(r['attendance.recordOutcome'](emp, { regionCode: '371302', employerId: 'e2' })).toBe(false);
  });
});
