import { ProjectOutlined, ScheduleOutlined, SolutionOutlined, TeamOutlined } from '@ant-design/icons';
import { MentorHomeCard } from './components/MentorHomeCard.js';
import { lazyNamed } from '../layout/utils/lazy-named.js';
import type { WebFeature } from '../layout/utils/web-feature.js';

const MentorDeskPage = lazyNamed(() => import('./components/MentorDeskPage.js'), 'MentorDeskPage');
const FounderSessionsPage = lazyNamed(() => import('./components/FounderSessionsPage.js'), 'FounderSessionsPage');
const MentorLibraryPage = lazyNamed(() => import('./components/MentorLibraryPage.js'), 'MentorLibraryPage');
const ProjectsPage = lazyNamed(() => import('./components/ProjectsPage.js'), 'ProjectsPage');
const MentorApplyPage = lazyNamed(() => import('./components/MentorApplyPage.js'), 'MentorApplyPage');

/**
 * Mentor pool and coaching (clause 十二, 护航行动): the mentor's desk (phone first: projects, log a session,
 * actions), founders confirming sessions, the organizers' library (statistics, import/export, studios,
 * expertise list) and projects with suggestions; the public "apply to be a mentor" form.
 */
export const mentorsFeature: WebFeature = {
  id: 'mentors',
  namespaces: ['mentors'],
  portals: {
    public: { routes: [{ path: 'mentor-apply', element: <MentorApplyPage /> }] },
    mentor: {
      routes: [{ path: 'coaching', element: <MentorDeskPage /> }],
      nav: [{ path: 'coaching', labelKey: 'mentors:nav.desk', icon: <ScheduleOutlined />, order: 10 }],
      home: [{ key: 'mentor-desk', order: 10, element: <MentorHomeCard /> }],
    },
    seeker: {
      routes: [{ path: 'coaching', element: <FounderSessionsPage /> }],
      nav: [{ path: 'coaching', labelKey: 'mentors:nav.founder', icon: <SolutionOutlined />, order: 40 }],
    },
    organizer: {
      routes: [
        { path: 'mentors', element: <MentorLibraryPage /> },
        { path: 'mentor-projects', element: <ProjectsPage /> },
      ],
      nav: [
        { path: 'mentors', labelKey: 'mentors:nav.library', icon: <TeamOutlined />, order: 45 },
        { path: 'mentor-projects', labelKey: 'mentors:nav.projects', icon: <ProjectOutlined />, order: 46 },
      ],
    },
  },
};
