import type { Role } from '@leye/domain';

/** Each role has one shell; after sign-in the user lands on its home. */
export const ROLE_HOME: Record<Role, string> = {
  ADMIN: '/admin',
  ORGANIZER: '/organizer',
  EMPLOYER: '/employer',
  MENTOR: '/mentor',
  HOST: '/host',
  SEEKER: '/seeker',
};

/** Pages outside the role shells that any signed-in account may be sent back to (the API decides what it may do there). */
const SHARED_PAGES = ['/station'];

/**
 * Where to go after signing in: back to the page that asked for sign-in when it belongs to the
 * user's own shell or is a shared page (the check-in station), otherwise the shell's home. Only
 * same-app paths are honoured (no open redirect).
 */
export function postLoginPath(role: Role, requested: string | null | undefined): string {
  const home = ROLE_HOME[role];
  if (!requested || !requested.startsWith('/') || requested.startsWith('//')) return home;
  const within = (base: string) => requested === base || requested.startsWith(`${base}/`) || requested.startsWith(`${base}?`);
  if (within(home) || SHARED_PAGES.some(within)) return requested;
  return home;
}
