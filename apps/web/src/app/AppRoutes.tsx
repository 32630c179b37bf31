import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { ChangePasswordPage } from '../modules/auth/components/ChangePasswordPage.js';
import { LoginPage } from '../modules/auth/components/LoginPage.js';
import { RegisterEmployerPage } from '../modules/auth/components/RegisterEmployerPage.js';
import { RegisterSeekerPage } from '../modules/auth/components/RegisterSeekerPage.js';
import { ResetPasswordPage } from '../modules/auth/components/ResetPasswordPage.js';
import { GuestOnly, HomeRedirect, RequireRole } from '../modules/auth/components/RequireRole.js';
import { FullPageSpin } from '../modules/auth/components/SessionStates.js';
import { NotFoundPage } from '../modules/layout/components/NotFoundPage.js';
import { lazyNamed } from '../modules/layout/utils/lazy-named.js';
import { LiveRedirect } from '../modules/livestream/components/LiveRedirect.js';
import { JobsRedirect } from '../modules/postings/components/JobsRedirect.js';
import type { RolePortalKey } from '../modules/layout/utils/web-feature.js';
import { ROLE_PORTALS } from '../portals/portals.js';

// The shells are a chunk of their own, and every page inside is one more: a job seeker's phone never
// downloads the organizer's tables.
const RolePortal = lazy(() => import('../portals/RolePortal.js'));
const PublicPortal = lazy(() => import('../portals/PublicPortal.js'));
// The check-in station: full screen, for any signed-in account on door duty (the API decides per event).
const StationApp = lazyNamed(() => import('../modules/checkin-station/components/StationApp.js'), 'StationApp');

export function AppRoutes() {
  return (
    <Suspense fallback={<FullPageSpin />}>
      <Routes>
        <Route path="/" element={<HomeRedirect />} />
        <Route path="/login" element={<GuestOnly><LoginPage /></GuestOnly>} />
        <Route path="/register/seeker" element={<GuestOnly><RegisterSeekerPage /></GuestOnly>} />
        <Route path="/register/employer" element={<GuestOnly><RegisterEmployerPage /></GuestOnly>} />
        <Route path="/reset-password" element={<GuestOnly><ResetPasswordPage /></GuestOnly>} />
        <Route path="/account/password" element={<ChangePasswordPage />} />
        {/* Public event pages: no sign-in, phone first. */}
        <Route path="/events/*" element={<PublicPortal />} />
        {/* The public job list's short address (used in the job-board feed). */}
        <Route path="/jobs/*" element={<JobsRedirect />} />
        {/* Livestream short links (/l/<code>) land on /live/<id>: the public viewer page. */}
        <Route path="/live/*" element={<LiveRedirect />} />
        {/* The gate check-in station (works offline: docs/checkin-station.md). */}
        <Route path="/station/*" element={<StationApp />} />
        {(Object.keys(ROLE_PORTALS) as RolePortalKey[]).map((portal) => (
          <Route
            key={portal}
            path={`/${portal}/*`}
            element={
              <RequireRole role={ROLE_PORTALS[portal].role}>
                <RolePortal portal={portal} />
              </RequireRole>
            }
          />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  );
}
