import { describe, expect, it } from '@jest/globals';
import { composePortal, type WebFeature } from './web-feature.js';

const page = (name: string) => name;
const features: WebFeature[] = [
  {
    id: 'profile',
    namespaces: ['profile'],
    portals: {
      organizer: { routes: [{ path: 'profile', element: page('profile') }], nav: [{ path: 'profile', labelKey: 'nav.profile', icon: null, order: 90 }] },
      seeker: { routes: [{ path: 'profile', element: page('profile') }], nav: [{ path: 'profile', labelKey: 'nav.profile', icon: null, order: 90 }] },
    },
  },
  {
    id: 'events',
    namespaces: ['events', 'core'],
    portals: {
      organizer: {
        routes: [{ path: 'calendar', element: page('calendar') }],
        nav: [{ path: 'calendar', labelKey: 'nav.calendar', icon: null, order: 20 }],
      },
    },
  },
  {
    id: 'home',
    namespaces: ['home'],
    portals: {
      seeker: { routes: [{ index: true, element: page('home') }], nav: [{ path: '', labelKey: 'nav.home', icon: null, order: 0 }] },
    },
  },
  {
    id: 'public-events',
    namespaces: ['publicEvents'],
    portals: {
      seeker: {
        nav: [{ path: '/events', labelKey: 'nav.publicEvents', icon: null, order: 10 }],
        home: [{ key: 'browse', order: 10, element: page('browse') }],
      },
    },
  },
];

describe('composePortal', () => {
  it('orders the menu by `order`, resolving paths against the portal base (absolute paths kept)', () => {
    expect(composePortal(features, 'seeker', '/seeker').nav.map((n) => n.path)).toEqual(['/seeker', '/events', '/seeker/profile']);
    expect(composePortal(features, 'organizer', '/organizer').nav.map((n) => n.labelKey)).toEqual(['nav.calendar', 'nav.profile']);
  });

  it('takes routes, home widgets and namespaces only from the features in that portal', () => {
    const organizer = composePortal(features, 'organizer', '/organizer');
    expect(organizer.routes.map((r) => r.path)).toEqual(['profile', 'calendar']);
    expect(organizer.home).toEqual([]);
    expect(organizer.namespaces).toEqual(['core', 'events', 'profile']);
    const seeker = composePortal(features, 'seeker', '/seeker');
    expect(seeker.home.map((h) => h.key)).toEqual(['browse']);
    expect(seeker.namespaces).toEqual(['home', 'profile', 'publicEvents']);
    expect(composePortal(features, 'admin', '/admin')).toEqual({ routes: [], nav: [], home: [], namespaces: [] });
  });

  it('refuses two features claiming the same route', () => {
    const twice: WebFeature = { id: 'x', namespaces: [], portals: { organizer: { routes: [{ path: 'calendar', element: null }] } } };
    expect(() => composePortal([...features, twice], 'organizer', '/organizer')).toThrow(/calendar/);
  });
});
