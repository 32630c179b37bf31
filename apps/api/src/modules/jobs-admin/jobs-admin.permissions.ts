import type { RuleSet } from '../../common/permissions/permission.types.js';

declare module '../../common/permissions/permission.types.js' {
  interface ActionResources {
    'job.manage': undefined;
  }
}

/** Failed background jobs carry internal errors: only the system administrator sees and retries them. */
export const jobsAdminRules: RuleSet<'job.manage'> = {
  'job.manage': (actor) => actor?.role === 'ADMIN',
};
