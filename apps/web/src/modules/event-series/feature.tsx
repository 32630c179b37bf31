import { FieldTimeOutlined, ScheduleOutlined } from '@ant-design/icons';
import { lazyNamed } from '../layout/utils/lazy-named.js';
import type { FeatureRoute, WebFeature } from '../layout/utils/web-feature.js';

const SeriesWizardPage = lazyNamed(() => import('./components/SeriesWizardPage.js'), 'SeriesWizardPage');
const PeakSeasonsPage = lazyNamed(() => import('./components/PeakSeasonsPage.js'), 'PeakSeasonsPage');

const routes: FeatureRoute[] = [
  { path: 'series/new', element: <SeriesWizardPage /> },
  { path: 'peak-seasons', element: <PeakSeasonsPage /> },
];
const peakSeasons = { path: 'peak-seasons', labelKey: 'nav.peakSeasons', icon: <FieldTimeOutlined />, order: 40 };

/** Series of events (the wizard with its live preview) and the peak seasons their cadence follows. */
export const eventSeriesFeature: WebFeature = {
  id: 'event-series',
  namespaces: ['series', 'events'],
  portals: {
    organizer: {
      routes,
      nav: [{ path: 'series/new', labelKey: 'nav.seriesWizard', icon: <ScheduleOutlined />, order: 30 }, peakSeasons],
    },
    // The admin reaches the wizard from the calendar's button rather than the menu.
    admin: { routes, nav: [peakSeasons] },
  },
};
