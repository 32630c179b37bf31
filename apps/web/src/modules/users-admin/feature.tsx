import { TeamOutlined } from '@ant-design/icons';
import { UsersHomeCard } from './components/UsersHomeCard.js';
import { lazyNamed } from '../layout/utils/lazy-named.js';
import type { WebFeature } from '../layout/utils/web-feature.js';

const UsersAdminPage = lazyNamed(() => import('./components/UsersAdminPage.js'), 'UsersAdminPage');

/** 用户管理: the admin finds accounts, deactivates or reactivates them and issues reset codes. */
export const usersAdminFeature: WebFeature = {
  id: 'users-admin',
  namespaces: ['usersAdmin'],
  portals: {
    admin: {
      routes: [{ path: 'users', element: <UsersAdminPage /> }],
      nav: [{ path: 'users', labelKey: 'usersAdmin:nav', icon: <TeamOutlined />, order: 82 }],
      home: [{ key: 'users', order: 10, element: <UsersHomeCard /> }],
    },
  },
};
