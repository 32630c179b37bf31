import { UserAddOutlined } from '@ant-design/icons';
import { lazyNamed } from '../layout/utils/lazy-named.js';
import type { PortalContribution, WebFeature } from '../layout/utils/web-feature.js';

const CreateStaffAccountPage = lazyNamed(() => import('./components/CreateStaffAccountPage.js'), 'CreateStaffAccountPage');

const staff: PortalContribution = {
  routes: [{ path: 'staff', element: <CreateStaffAccountPage /> }],
  nav: [{ path: 'staff', labelKey: 'nav.createStaff', icon: <UserAddOutlined />, order: 80 }],
};

/** Staff accounts (organizers, mentors, hosts) created by organizers and the admin. */
export const staffFeature: WebFeature = {
  id: 'staff',
  namespaces: ['staff', 'register'],
  portals: { organizer: staff, admin: staff },
};
