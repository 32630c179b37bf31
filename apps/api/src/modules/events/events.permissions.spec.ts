import { actor } from '../../common/permissions/actor.fixture.js';
import { eventRules } from './events.permissions.js';

const draft = { regionCode: '371325', publishedAt: null };
const published = { regionCode: '371325', publishedAt: new Date() };

describe('event rules', () => {
  it('shows a published event to anyone and a draft to organizers covering its region', () => {
    expect(eventRules['event.read'](undefined, published)).toBe(true);
    expect(eventRules['event.read'](undefined, draft)).toBe(false);
    expect(eventRules['event.read'](actor('ORGANIZER', '371302'), draft)).toBe(false);
    expect(eventRules['event.read'](actor('ORGANIZER', '371325'), draft)).toBe(true);
    expect(eventRules['event.read'](actor('ORGANIZER', '371300'), draft)).toBe(true);
  });

  it.each([
    ['a county organizer, a mentor of its county', actor('ORGANIZER', '371302'), { role: 'MENTOR', regionCode: '371302' }, true],
    ['a county organizer, a host of another county', actor('ORGANIZER', '371302'), { role: 'HOST', regionCode: '371325' }, false],
    ['a county organizer, a city organizer', actor('ORGANIZER', '371302'), { role: 'ORGANIZER', regionCode: '371300' }, false],
    ['a county organizer, the admin', actor('ORGANIZER', '371302'), { role: 'ADMIN', regionCode: null }, false],
    ['a city organizer, a county organizer', actor('ORGANIZER', '371300'), { role: 'ORGANIZER', regionCode: '371325' }, true],
    ['a city organizer, the admin', actor('ORGANIZER', '371300'), { role: 'ADMIN', regionCode: null }, false],
    ['the admin, the admin', actor('ADMIN'), { role: 'ADMIN', regionCode: null }, true],
    ['the admin, a seeker', actor('ADMIN'), { role: 'SEEKER', regionCode: null }, false],
  ] as const)('staff candidate: %s → %s', (_name, a, candidate, expected) => {
    expect(eventRules['event.staffCandidate'](a, candidate)).toBe(expected);
  });

  it('keeps the city-wide co-host list to city organizers and admins', () => {
    expect(eventRules['coHost.create'](actor('ORGANIZER', '371302'), undefined)).toBe(false);
    expect(eventRules['coHost.create'](actor('ORGANIZER', '371300'), undefined)).toBe(true);
    expect(eventRules['coHost.create'](actor('ADMIN'), undefined)).toBe(true);
  });
});
