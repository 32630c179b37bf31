/** The six kinds of user; see GUIDE.md §1. */
export const ROLES = ['ADMIN', 'ORGANIZER', 'EMPLOYER', 'MENTOR', 'HOST', 'SEEKER'] as const;
export type Role = (typeof ROLES)[number];

/** Roles an account of the given role may create (organizers invite mentors/hosts; admins organizers). */
export const CREATABLE_ROLES: Record<Role, readonly Role[]> = {
  ADMIN: ['ORGANIZER', 'MENTOR', 'HOST', 'ADMIN'],
  ORGANIZER: ['MENTOR', 'HOST'],
  EMPLOYER: [],
  MENTOR: [],
  HOST: [],
  SEEKER: [],
};
