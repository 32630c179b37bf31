import { CloudServerOutlined } from '@ant-design/icons';
import { lazyNamed } from '../layout/utils/lazy-named.js';
import type { WebFeature } from '../layout/utils/web-feature.js';

const BackgroundJobsPage = lazyNamed(() => import('./components/BackgroundJobsPage.js'), 'BackgroundJobsPage');

/** 后台任务: failed background jobs, retried by the admin. */
export const jobsFeature: WebFeature = {
  id: 'jobs',
  namespaces: ['jobs'],
  portals: {
    admin: {
      routes: [{ path: 'jobs', element: <BackgroundJobsPage /> }],
      nav: [{ path: 'jobs', labelKey: 'jobs:nav', icon: <CloudServerOutlined />, order: 86 }],
    },
  },
};
