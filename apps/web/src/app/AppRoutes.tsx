import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { LoginPage } from '../modules/auth/components/LoginPage.js';
import { RegisterEmployerPage } from '../modules/auth/components/RegisterEmployerPage.js';
import { RegisterSeekerPage } from '../modules/auth/components/RegisterSeekerPage.js';
import { GuestOnly, HomeRedirect, RequireRole } from '../modules/auth/components/RequireRole.js';
import { FullPageSpin } from '../modules/auth/components/SessionStates.js';
import { NotFoundPage } from '../modules/layout/components/NotFoundPage.js';

// Each role's shell is its own chunk: a job seeker's phone never downloads the organizer's tables.
const OrganizerPortal = lazy(() => import('../portals/organizer/OrganizerPortal.js'));
const EmployerPortal = lazy(() => import('../portals/employer/EmployerPortal.js'));
const MentorPortal = lazy(() => import('../portals/mentor/MentorPortal.js'));
const HostPortal = lazy(() => import('../portals/host/HostPortal.js'));
const SeekerPortal = lazy(() => import('../portals/seeker/SeekerPortal.js'));
const AdminPortal = lazy(() => import('../portals/admin/AdminPortal.js'));
const PublicPortal = lazy(() => import('../portals/public/PublicPortal.js'));

export function AppRoutes() {
  return (
    <Suspense fallback={<FullPageSpin />}>
      <Routes>
        <Route path="/" element={<HomeRedirect />} />
        <Route path="/login" element={<GuestOnly><LoginPage /></GuestOnly>} />
        <Route path="/register/seeker" element={<GuestOnly><RegisterSeekerPage /></GuestOnly>} />
        <Route path="/register/employer" element={<GuestOnly><RegisterEmployerPage /></GuestOnly>} />
        {/* Public event pages: no sign-in, phone first. */}
        <Route path="/events/*" element={<PublicPortal />} />
        <Route path="/organizer/*" element={<RequireRole role="ORGANIZER"><OrganizerPortal /></RequireRole>} />
        <Route path="/employer/*" element={<RequireRole role="EMPLOYER"><EmployerPortal /></RequireRole>} />
        <Route path="/mentor/*" element={<RequireRole role="MENTOR"><MentorPortal /></RequireRole>} />
        <Route path="/host/*" element={<RequireRole role="HOST"><HostPortal /></RequireRole>} />
        <Route path="/seeker/*" element={<RequireRole role="SEEKER"><SeekerPortal /></RequireRole>} />
        <Route path="/admin/*" element={<RequireRole role="ADMIN"><AdminPortal /></RequireRole>} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  );
}
