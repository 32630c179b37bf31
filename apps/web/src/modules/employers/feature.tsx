import { AuditOutlined } from '@ant-design/icons';
import { lazyNamed } from '../layout/utils/lazy-named.js';
import type { WebFeature } from '../layout/utils/web-feature.js';

const EmployerVerificationQueue = lazyNamed(() => import('./components/EmployerVerificationQueue.js'), 'EmployerVerificationQueue');
const MyOrganisationCard = lazyNamed(() => import('./components/MyOrganisationCard.js'), 'MyOrganisationCard');

// One element for both routes, so opening a row's drawer keeps the list (and its scroll) in place.
const queue = <EmployerVerificationQueue basePath="/organizer/employers" />;

/** 用人单位: organizers verify employers of their region; an employer sees its organisation's status. */
export const employersFeature: WebFeature = {
  id: 'employers',
  namespaces: ['employers', 'register'],
  portals: {
    organizer: {
      routes: [
        { path: 'employers', element: queue },
        { path: 'employers/:id', element: queue },
      ],
      nav: [{ path: 'employers', labelKey: 'nav.employerQueue', icon: <AuditOutlined />, order: 10 }],
    },
    employer: { home: [{ key: 'organisation', order: 10, element: <MyOrganisationCard /> }] },
  },
};
