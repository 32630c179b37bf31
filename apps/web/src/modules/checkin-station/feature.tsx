import { ScanOutlined } from '@ant-design/icons';
import { lazyNamed } from '../layout/utils/lazy-named.js';
import type { PortalContribution, WebFeature } from '../layout/utils/web-feature.js';

const StationHomeCard = lazyNamed(() => import('./components/StationHomeCard.js'), 'StationHomeCard');

// The station itself is a full-screen page at /station (app/AppRoutes.tsx), outside the shells, so door
// volunteers of any role can open it; the staff shells link to it, and their home shows a door duty (or, for
// organizers, today's events) with the way straight to its station.
const stationLink: PortalContribution = {
  nav: [{ path: '/station', labelKey: 'station:nav.station', icon: <ScanOutlined />, order: 35 }],
  home: [{ key: 'station', order: 5, element: <StationHomeCard /> }],
};

/** 签到站: gate check-in for an event (camera, handheld scanner, phone digits, walk-ins), offline-capable. */
export const checkinStationFeature: WebFeature = {
  id: 'checkin-station',
  namespaces: ['station'],
  portals: {
    organizer: stationLink,
    admin: stationLink,
    // Door volunteers are staff accounts (organizer, mentor or host) put on an event's door duty.
    mentor: stationLink,
    host: stationLink,
  },
};
