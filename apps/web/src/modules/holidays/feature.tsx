import { CarryOutOutlined } from '@ant-design/icons';
import { lazyNamed } from '../layout/utils/lazy-named.js';
import type { WebFeature } from '../layout/utils/web-feature.js';

const HolidayAdminPage = lazyNamed(() => import('./components/HolidayAdminPage.js'), 'HolidayAdminPage');

/** Statutory holidays and adjusted working days, maintained by the admin. */
export const holidaysFeature: WebFeature = {
  id: 'holidays',
  namespaces: ['holidays'],
  portals: {
    admin: {
      routes: [{ path: 'holidays', element: <HolidayAdminPage /> }],
      nav: [{ path: 'holidays', labelKey: 'nav.holidays', icon: <CarryOutOutlined />, order: 35 }],
    },
  },
};
