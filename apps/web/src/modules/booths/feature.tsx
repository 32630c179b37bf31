import { ShopOutlined, TableOutlined } from '@ant-design/icons';
import { lazyNamed } from '../layout/utils/lazy-named.js';
import type { PortalContribution, WebFeature } from '../layout/utils/web-feature.js';

const LayoutsPage = lazyNamed(() => import('./components/LayoutsPage.js'), 'LayoutsPage');
const LayoutEditorPage = lazyNamed(() => import('./components/LayoutEditorPage.js'), 'LayoutEditorPage');
const BoothFairsPage = lazyNamed(() => import('./components/BoothFairsPage.js'), 'BoothFairsPage');
const FairBookingPage = lazyNamed(() => import('./components/FairBookingPage.js'), 'FairBookingPage');
const MyBookingsPage = lazyNamed(() => import('./components/MyBookingsPage.js'), 'MyBookingsPage');
const BoothHomeCard = lazyNamed(() => import('./components/BoothHomeCard.js'), 'BoothHomeCard');

// Organizers and the admin draw venue floor plans; a fair's booking map lives on its event page.
const layouts: PortalContribution = {
  routes: [
    { path: 'booths/layouts', element: <LayoutsPage /> },
    { path: 'booths/venues/:venueId/layouts/:layoutId', element: <LayoutEditorPage /> },
  ],
  nav: [{ path: 'booths/layouts', labelKey: 'booths:nav.layouts', icon: <TableOutlined />, order: 30 }],
};

/** 展位: venue floor plans, booth booking per fair (live map, holds, waitlist), delegations, exhibitors. */
export const boothsFeature: WebFeature = {
  id: 'booths',
  namespaces: ['booths'],
  portals: {
    organizer: layouts,
    admin: layouts,
    employer: {
      routes: [
        { path: 'booths/fairs', element: <BoothFairsPage /> },
        { path: 'booths/fairs/:eventId', element: <FairBookingPage /> },
        { path: 'booths/mine', element: <MyBookingsPage /> },
      ],
      nav: [
        { path: 'booths/fairs', labelKey: 'booths:nav.fairs', icon: <ShopOutlined />, order: 20 },
        { path: 'booths/mine', labelKey: 'booths:nav.myBookings', icon: <TableOutlined />, order: 25 },
      ],
      home: [{ key: 'booths', order: 20, element: <BoothHomeCard /> }],
    },
    // The public event page lists a fair's exhibitors and a campus trip's delegation.
    public: {},
  },
};
