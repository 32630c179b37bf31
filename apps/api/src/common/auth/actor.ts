import type { Role } from '@leye/domain';

/** Who is calling: the authenticated account as loaded for this request. */
export interface Actor {
  id: string;
  role: Role;
  displayName: string;
  regionCode: string | null;
  employerId: string | null;
  locale: string;
}
