import { ExperimentOutlined, FileSearchOutlined, ProfileOutlined, SolutionOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { lazyNamed } from '../layout/utils/lazy-named.js';
import type { PortalContribution, WebFeature } from '../layout/utils/web-feature.js';

const MyPostingsPage = lazyNamed(() => import('./components/MyPostingsPage.js'), 'MyPostingsPage');
const PostingReviewQueue = lazyNamed(() => import('./components/PostingReviewQueue.js'), 'PostingReviewQueue');
const PostingListsPage = lazyNamed(() => import('./components/PostingListsPage.js'), 'PostingListsPage');
const SpotChecksPage = lazyNamed(() => import('./components/SpotChecksPage.js'), 'SpotChecksPage');
const MyPostingsCard = lazyNamed(() => import('./components/MyPostingsCard.js'), 'MyPostingsCard');
const PublicJobsPage = lazyNamed(() => import('./components/PublicJobsPage.js'), 'PublicJobsPage');
const PublicJobDetailPage = lazyNamed(() => import('./components/PublicJobDetailPage.js'), 'PublicJobDetailPage');

// Organizers and the admin review, keep the lists and spot-check on the same pages.
const staff: PortalContribution = {
  routes: [
    { path: 'postings/review', element: <PostingReviewQueue /> },
    { path: 'postings/lists', element: <PostingListsPage /> },
    { path: 'postings/spot-checks', element: <SpotChecksPage /> },
  ],
  nav: [
    { path: 'postings/review', labelKey: 'postings:nav.review', icon: <FileSearchOutlined />, order: 12 },
    { path: 'postings/spot-checks', labelKey: 'postings:nav.spotChecks', icon: <ExperimentOutlined />, order: 14 },
    { path: 'postings/lists', labelKey: 'postings:nav.lists', icon: <UnorderedListOutlined />, order: 70 },
  ],
};

/** Job postings (岗位): employers write them, organizers review, keep the lists and spot-check; the public reads approved ones. */
export const postingsFeature: WebFeature = {
  id: 'postings',
  namespaces: ['postings'],
  portals: {
    employer: {
      routes: [
        { path: 'postings', element: <MyPostingsPage /> },
        { path: 'postings/:id', element: <MyPostingsPage /> },
      ],
      nav: [{ path: 'postings', labelKey: 'postings:nav.myPostings', icon: <ProfileOutlined />, order: 20 }],
      home: [{ key: 'my-postings', order: 20, element: <MyPostingsCard /> }],
    },
    organizer: staff,
    admin: staff,
    public: {
      routes: [
        { path: 'jobs', element: <PublicJobsPage /> },
        { path: 'jobs/:id', element: <PublicJobDetailPage /> },
      ],
    },
    seeker: {
      nav: [{ path: '/events/jobs', labelKey: 'postings:nav.jobs', icon: <SolutionOutlined />, order: 12 }],
    },
  },
};
