import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { SessionUnreachable, FullPageSpin } from '../../auth/components/SessionStates.js';
import { useAuth } from '../../auth/hooks/use-auth.js';
import { sessionTokens } from '../../auth/utils/session-tokens.js';
import { NotFoundPage } from '../../layout/components/NotFoundPage.js';
import { useStationServiceWorker } from '../hooks/use-station-service-worker.js';
import { StationPage } from './StationPage.js';
import { StationPickerPage } from './StationPickerPage.js';

/**
 * `/station/*`, outside the role portals: any signed-in account may open it (organizer staff, door volunteers
 * of any role) and the API decides per event who may scan. When the session cannot be resumed because the
 * device is offline, the station still opens from its IndexedDB copy (no account known) and resumes the
 * session as soon as the network returns.
 */
export function StationApp() {
  const { status, user, retry } = useAuth();
  const location = useLocation();
  useTranslation(['core', 'station']);
  useStationServiceWorker();
  const shown = useRef(false);

  useEffect(() => {
    if (status !== 'unreachable') return;
    const resume = () => retry();
    window.addEventListener('online', resume);
    // Also try now and then: a captive or flaky network may not fire `online`.
    const timer = setInterval(() => navigator.onLine && retry(), 20_000);
    return () => {
      window.removeEventListener('online', resume);
      clearInterval(timer);
    };
  }, [status, retry]);

  const offlineSession = (status === 'unreachable' || status === 'starting') && !!sessionTokens.getRefreshToken();
  if (status === 'starting' && !shown.current) return <FullPageSpin />;
  if (status === 'anonymous') {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (status === 'unreachable' && !offlineSession) return <SessionUnreachable />;
  if (user?.mustChangePassword) return <Navigate to="/account/password" replace />;
  shown.current = true;
  const accountId = offlineSession && !user ? null : (user?.id ?? null);

  return (
    <Routes>
      <Route index element={<StationPickerPage accountId={accountId} />} />
      <Route path=":eventId" element={<StationPage accountId={accountId} />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
