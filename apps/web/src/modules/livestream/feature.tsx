import { VideoCameraOutlined } from '@ant-design/icons';
import { lazyNamed } from '../layout/utils/lazy-named.js';
import type { WebFeature } from '../layout/utils/web-feature.js';

const ViewerPage = lazyNamed(() => import('./components/ViewerPage.js'), 'ViewerPage');
const LiveListPage = lazyNamed(() => import('./components/LiveListPage.js'), 'LiveListPage');
const HostBroadcastsPage = lazyNamed(() => import('./components/HostBroadcastsPage.js'), 'HostBroadcastsPage');
const HostConsolePage = lazyNamed(() => import('./components/HostConsolePage.js'), 'HostConsolePage');
const OrganizerBroadcastsPage = lazyNamed(() => import('./components/OrganizerBroadcastsPage.js'), 'OrganizerBroadcastsPage');
const BroadcastStatsPage = lazyNamed(() => import('./components/BroadcastStatsPage.js'), 'BroadcastStatsPage');
const HostHomeCard = lazyNamed(() => import('./components/HomeCards.js'), 'HostHomeCard');
const SeekerHomeCard = lazyNamed(() => import('./components/HomeCards.js'), 'SeekerHomeCard');

/**
 * Livestream job promotion (直播带岗, issue 12): the public viewer page (`/events/live/:id`, also `/live/:id`,
 * where a card's short link `/l/<code>` lands), the hosts' console, and the organizers' list with funnels,
 * after-broadcast figures and the Excel export. Real-time parts use the typed `/live` socket (@leye/domain).
 */
export const livestreamFeature: WebFeature = {
  id: 'livestream',
  namespaces: ['livestream'],
  portals: {
    public: {
      routes: [
        { path: 'live', element: <LiveListPage /> },
        { path: 'live/:id', element: <ViewerPage /> },
      ],
    },
    host: {
      routes: [
        { path: 'broadcasts', element: <HostBroadcastsPage /> },
        { path: 'broadcasts/:id', element: <HostConsolePage /> },
      ],
      nav: [{ path: 'broadcasts', labelKey: 'livestream:nav.console', icon: <VideoCameraOutlined />, order: 10 }],
      home: [{ key: 'broadcasts', order: 10, element: <HostHomeCard /> }],
    },
    organizer: {
      routes: [
        { path: 'broadcasts', element: <OrganizerBroadcastsPage /> },
        { path: 'broadcasts/:id', element: <BroadcastStatsPage /> },
        { path: 'broadcasts/:id/console', element: <HostConsolePage /> },
      ],
      nav: [{ path: 'broadcasts', labelKey: 'livestream:nav.broadcasts', icon: <VideoCameraOutlined />, order: 35 }],
    },
    seeker: {
      nav: [{ path: '/events/live', labelKey: 'livestream:nav.watch', icon: <VideoCameraOutlined />, order: 15 }],
      home: [{ key: 'broadcasts', order: 15, element: <SeekerHomeCard /> }],
    },
  },
};
