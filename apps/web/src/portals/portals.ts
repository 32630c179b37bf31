import type { Role } from '@leye/domain';
import type { RolePortalKey } from '../modules/layout/utils/web-feature.js';

export interface RolePortalDefinition {
  role: Role;
  /** Staff workspaces get a side menu; public-facing shells a top bar. */
  navMode: 'side' | 'top';
  /** Where `/<portal>` itself leads when no feature offers an index page. */
  landing?: string;
}

/** The six signed-in shells: each under `/<key>`, shown only to its role. */
export const ROLE_PORTALS: Record<RolePortalKey, RolePortalDefinition> = {
  // 组织方: the quota dashboard is home (how far each programme stands from its quota); the calendar plans the year.
  organizer: { role: 'ORGANIZER', navMode: 'side', landing: 'quotas' },
  // 用人单位: the organisation card with its verification status is home.
  employer: { role: 'EMPLOYER', navMode: 'side' },
  // 创业导师.
  mentor: { role: 'MENTOR', navMode: 'side' },
  // 直播带岗主播.
  host: { role: 'HOST', navMode: 'top' },
  // 求职者 (the public): a top bar, as on a consumer site.
  seeker: { role: 'SEEKER', navMode: 'top' },
  // 系统管理员: accounts, the holiday calendar, and the same event calendar organizers use.
  admin: { role: 'ADMIN', navMode: 'side' },
};

/** Namespaces the shell itself uses around every page (user menu, notification bell). */
export const SHELL_NAMESPACES = ['auth', 'notifications'] as const;
