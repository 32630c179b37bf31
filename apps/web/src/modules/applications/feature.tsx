import { FileDoneOutlined, TeamOutlined } from '@ant-design/icons';
import { lazyNamed } from '../layout/utils/lazy-named.js';
import type { WebFeature } from '../layout/utils/web-feature.js';

const MyApplicationsPage = lazyNamed(() => import('./components/MyApplicationsPage.js'), 'MyApplicationsPage');
const OpenPostingsCard = lazyNamed(() => import('./components/OpenPostingsCard.js'), 'OpenPostingsCard');
const EmployerApplicantsPage = lazyNamed(() => import('./components/EmployerApplicantsPage.js'), 'EmployerApplicantsPage');
const FairFunnelPage = lazyNamed(() => import('./components/FairFunnelPage.js'), 'FairFunnelPage');

// Organizers (and the admin) see a fair's application funnel, linked from the fair's event page.
const fairFunnel = { routes: [{ path: 'applications/fairs/:eventId', element: <FairFunnelPage /> }] };

// One element for both routes, so opening a posting keeps the page component (and its data) in place.
const applicants = <EmployerApplicantsPage />;

/**
 * Applications (投递): seekers apply with their profile as the résumé and follow each application;
 * employers see the applicants of their postings and move them through the pipeline. The apply button
 * (`components/ApplyButton.tsx`) is placed wherever postings are shown, public pages included, so the
 * public portal loads this feature's namespace too.
 */
export const applicationsFeature: WebFeature = {
  id: 'applications',
  namespaces: ['applications'],
  portals: {
    public: {},
    seeker: {
      routes: [{ path: 'applications', element: <MyApplicationsPage /> }],
      nav: [{ path: 'applications', labelKey: 'applications:nav.mine', icon: <FileDoneOutlined />, order: 30 }],
      home: [{ key: 'open-postings', order: 5, element: <OpenPostingsCard /> }],
    },
    organizer: fairFunnel,
    admin: fairFunnel,
    employer: {
      routes: [
        { path: 'applicants', element: applicants },
        { path: 'applicants/:postingId', element: applicants },
      ],
      nav: [{ path: 'applicants', labelKey: 'applications:nav.applicants', icon: <TeamOutlined />, order: 25 }],
    },
  },
};
