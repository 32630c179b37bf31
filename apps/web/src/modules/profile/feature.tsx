import { UserOutlined } from '@ant-design/icons';
import { lazyNamed } from '../layout/utils/lazy-named.js';
import type { PortalContribution, WebFeature } from '../layout/utils/web-feature.js';

const ProfilePage = lazyNamed(() => import('./components/ProfilePage.js'), 'ProfilePage');

const profile: PortalContribution = {
  routes: [{ path: 'profile', element: <ProfilePage /> }],
  nav: [{ path: 'profile', labelKey: 'nav.profile', icon: <UserOutlined />, order: 90 }],
};

/** Every signed-in user's own account: name, language, private calendar feed. */
export const profileFeature: WebFeature = {
  id: 'profile',
  namespaces: ['profile', 'calendarFeed'],
  portals: { organizer: profile, employer: profile, mentor: profile, host: profile, seeker: profile, admin: profile },
};
