import { actor } from '../../common/permissions/actor.fixture.js';
import { employerRules } from './employers.permissions.js';

describe('employer rules', () => {
  it('lets an employer member read only its own employer, and organizers those of regions they cover', () => {
    const member = actor('EMPLOYER', '371302', 'e1');
    expect(employerRules['employer.read'](member, { id: 'e1', regionCode: '371302' })).toBe(true);
    expect(employerRules['employer.read'](member, { id: 'e2', regionCode: '371302' })).toBe(false);
    expect(employerRules['employer.read'](actor('ORGANIZER', '371302'), { id: 'e2', regionCode: '371302' })).toBe(true);
    expect(employerRules['employer.read'](actor('ORGANIZER', '371325'), { id: 'e2', regionCode: '371302' })).toBe(false);
    expect(employerRules['employer.read'](undefined, { id: 'e2', regionCode: '371302' })).toBe(false);
  });

  it('lets only organizers covering the region review', () => {
    expect(employerRules['employer.verify'](actor('ORGANIZER', '371300'), { id: 'e', regionCode: '371325' })).toBe(true);
    expect(employerRules['employer.reject'](actor('ORGANIZER', '371302'), { id: 'e', regionCode: '371325' })).toBe(false);
    expect(employerRules['employer.verify'](actor('EMPLOYER', '371325', 'e'), { id: 'e', regionCode: '371325' })).toBe(false);
  });
});
