import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../modules/layout/components/NotFoundPage.js';
import { composePortal } from '../modules/layout/utils/web-feature.js';
import { FEATURES } from './features.js';
import { featureRoutes } from './feature-routes.js';

/** Pages anyone can open without an account (`/events/*`), composed from the features' `public` parts. */
export default function PublicPortal() {
  const composed = useMemo(() => composePortal(FEATURES, 'public', '/events'), []);
  useTranslation(['core', ...composed.namespaces]);
  return (
    <Routes>
      {featureRoutes(composed.routes)}
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
