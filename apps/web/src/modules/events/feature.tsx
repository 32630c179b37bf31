import { CalendarOutlined } from '@ant-design/icons';
import { lazyNamed } from '../layout/utils/lazy-named.js';
import type { PortalContribution, WebFeature } from '../layout/utils/web-feature.js';

const EventCalendarPage = lazyNamed(() => import('./components/EventCalendarPage.js'), 'EventCalendarPage');
const EventDetailPage = lazyNamed(() => import('./components/EventDetailPage.js'), 'EventDetailPage');
const EventFormPage = lazyNamed(() => import('./components/EventFormPage.js'), 'EventFormPage');

// Organizers and the admin plan events on the same pages, each under its own portal prefix.
const calendar: PortalContribution = {
  routes: [
    { path: 'calendar', element: <EventCalendarPage /> },
    { path: 'events/new', element: <EventFormPage /> },
    { path: 'events/:id', element: <EventDetailPage /> },
    { path: 'events/:id/edit', element: <EventFormPage /> },
  ],
  nav: [{ path: 'calendar', labelKey: 'nav.calendar', icon: <CalendarOutlined />, order: 20 }],
};

/** The event calendar (month, week, list) and single events: create, edit, publish, reschedule, cancel. */
export const eventsFeature: WebFeature = {
  id: 'events',
  namespaces: ['events'],
  portals: { organizer: calendar, admin: calendar },
};
