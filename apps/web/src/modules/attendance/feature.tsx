import { IdcardOutlined, QrcodeOutlined, TrophyOutlined } from '@ant-design/icons';
import { lazyNamed } from '../layout/utils/lazy-named.js';
import type { PortalContribution, WebFeature } from '../layout/utils/web-feature.js';

const MyRegistrationsPage = lazyNamed(() => import('./components/MyRegistrationsPage.js'), 'MyRegistrationsPage');
const SeekerProfilePage = lazyNamed(() => import('./components/SeekerProfilePage.js'), 'SeekerProfilePage');
const EventAttendancePage = lazyNamed(() => import('./components/EventAttendancePage.js'), 'EventAttendancePage');
const FairOutcomesPage = lazyNamed(() => import('./components/FairOutcomesPage.js'), 'FairOutcomesPage');

const organizer: PortalContribution = { routes: [{ path: 'attendance/:eventId', element: <EventAttendancePage /> }] };

/**
 * Attendance (docs/attendance.md), seeker and organizer sides: the seeker's profile, registrations and
 * QR tickets; the register button on public event pages (so the public portal loads the namespace);
 * the organizer's attendance page of an event; employers' fair outcomes. The check-in station is its
 * own feature.
 */
export const attendanceFeature: WebFeature = {
  id: 'attendance',
  namespaces: ['attendance'],
  portals: {
    public: {},
    seeker: {
      routes: [
        { path: 'registrations', element: <MyRegistrationsPage /> },
        { path: 'seeker-profile', element: <SeekerProfilePage /> },
      ],
      nav: [
        { path: 'registrations', labelKey: 'attendance:nav.registrations', icon: <QrcodeOutlined />, order: 20 },
        { path: 'seeker-profile', labelKey: 'attendance:nav.profile', icon: <IdcardOutlined />, order: 85 },
      ],
    },
    organizer,
    admin: organizer,
    employer: {
      routes: [{ path: 'fair-outcomes', element: <FairOutcomesPage /> }],
      nav: [{ path: 'fair-outcomes', labelKey: 'attendance:nav.outcomes', icon: <TrophyOutlined />, order: 35 }],
    },
  },
};

