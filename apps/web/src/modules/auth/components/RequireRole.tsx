import type { Role } from '@leye/domain';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useAuth } from '../hooks/use-auth.js';
import { ROLE_HOME } from '../utils/role-home.js';
import { FullPageSpin, SessionUnreachable } from './SessionStates.js';

/** Renders its shell only for a signed-in user of `role`; others go to /login or their own shell. */
export function RequireRole({ role, children }: { role: Role; children: ReactNode }) {
  const { status, user } = useAuth();
  const location = useLocation();
  if (status === 'starting') return <FullPageSpin />;
  if (status === 'unreachable') return <SessionUnreachable />;
  if (!user) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  // An initial password set by staff: nothing else until the owner has chosen its own (the API refuses the rest).
  if (user.mustChangePassword) return <Navigate to="/account/password" replace />;
  if (user.role !== role) return <Navigate to={ROLE_HOME[user.role]} replace />;
  return <>{children}</>;
}

/** Sign-in and registration pages: a signed-in user goes straight to their shell. */
export function GuestOnly({ children }: { children: ReactNode }) {
  const { status, user } = useAuth();
  if (status === 'starting') return <FullPageSpin />;
  if (user) return <Navigate to={ROLE_HOME[user.role]} replace />;
  return <>{children}</>;
}

/** `/`: the user's shell, or the sign-in page. */
export function HomeRedirect() {
  const { status, user } = useAuth();
  if (status === 'starting') return <FullPageSpin />;
  if (status === 'unreachable') return <SessionUnreachable />;
  return <Navigate to={user ? ROLE_HOME[user.role] : '/login'} replace />;
}
