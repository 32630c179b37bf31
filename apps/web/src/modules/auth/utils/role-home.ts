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

/**
 * Where to go after signing in: back to the page that asked for sign-in when it belongs to the
 * user's own shell, otherwise the shell's home. Only same-app paths are honoured (no open redirect).
 */
export function postLoginPath(role: Role, requested: string | null | undefined): string {
  const home = ROLE_HOME[role];
  if (!requested || !requested.startsWith('/') || requested.startsWith('//')) return home;
  if (requested === home || requested.startsWith(`${home}/`) || requested.startsWith(`${home}?`)) return requested;
  return home;
}
