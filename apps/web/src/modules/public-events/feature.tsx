import { CalendarOutlined } from '@ant-design/icons';
import { lazyNamed } from '../layout/utils/lazy-named.js';
import type { WebFeature } from '../layout/utils/web-feature.js';

const PublicEventsPage = lazyNamed(() => import('./components/PublicEventsPage.js'), 'PublicEventsPage');
const PublicEventDetailPage = lazyNamed(() => import('./components/PublicEventDetailPage.js'), 'PublicEventDetailPage');
const BrowseEventsCard = lazyNamed(() => import('./components/BrowseEventsCard.js'), 'BrowseEventsCard');

/** Published events for everyone, without an account (`/events`), and the job seeker's way in to them. */
export const publicEventsFeature: WebFeature = {
  id: 'public-events',
  namespaces: ['publicEvents', 'calendarFeed', 'auth'],
  portals: {
    public: {
      routes: [
        { index: true, element: <PublicEventsPage /> },
        { path: ':id', element: <PublicEventDetailPage /> },
      ],
    },
    seeker: {
      nav: [{ path: '/events', labelKey: 'nav.publicEvents', icon: <CalendarOutlined />, order: 10 }],
      home: [{ key: 'browse-events', order: 10, element: <BrowseEventsCard /> }],
    },
  },
};
