import type { Role } from '@leye/domain';

/** Who is calling: the authenticated account as loaded for this request. */
export interface Actor {
  id: string;
  role: Role;
  displayName: string;
  regionCode: string | null;
  employerId: string | null;
  locale: string;
  /** Set on accounts staff created or reset: until the password is changed, only that (and sign-out, `me`) is allowed. */
  mustChangePassword?: boolean;
}
