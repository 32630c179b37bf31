import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../modules/layout/components/NotFoundPage.js';
import { PublicEventDetailPage } from '../../modules/public-events/components/PublicEventDetailPage.js';
import { PublicEventsPage } from '../../modules/public-events/components/PublicEventsPage.js';

/** Pages anyone can open without an account: the public event list and each event. */
export default function PublicPortal() {
  return (
    <Routes>
      <Route index element={<PublicEventsPage />} />
      <Route path=":id" element={<PublicEventDetailPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
