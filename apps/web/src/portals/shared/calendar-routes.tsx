import { Route } from 'react-router';
import { EventCalendarPage } from '../../modules/events/components/EventCalendarPage.js';
import { EventDetailPage } from '../../modules/events/components/EventDetailPage.js';
import { EventFormPage } from '../../modules/events/components/EventFormPage.js';
import { PeakSeasonsPage } from '../../modules/event-series/components/PeakSeasonsPage.js';
import { SeriesWizardPage } from '../../modules/event-series/components/SeriesWizardPage.js';

/** The event calendar's pages, mounted by the organizer and admin shells under their own prefix. */
export function calendarRoutes() {
  return (
    <>
      <Route path="calendar" element={<EventCalendarPage />} />
      <Route path="events/new" element={<EventFormPage />} />
      <Route path="events/:id" element={<EventDetailPage />} />
      <Route path="events/:id/edit" element={<EventFormPage />} />
      <Route path="series/new" element={<SeriesWizardPage />} />
      <Route path="peak-seasons" element={<PeakSeasonsPage />} />
    </>
  );
}
