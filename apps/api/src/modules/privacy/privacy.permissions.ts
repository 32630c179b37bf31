import type { RuleSet } from '../../common/permissions/permission.types.js';

declare module '../../common/permissions/permission.types.js' {
  interface ActionResources {
    'privacy.ownData': undefined;
    'privacy.manageKeys': undefined;
  }
}

/**
 * A seeker downloads and deletes their own data (PIPL articles 45 and 47). Staff, employer and mentor accounts
 * are closed by an administrator (their records are the organisation's). Key rotation: the system administrator.
 */
export const privacyRules: RuleSet<'privacy.ownData' | 'privacy.manageKeys'> = {
  'privacy.ownData': (actor) => actor?.role === 'SEEKER',
  'privacy.manageKeys': (actor) => actor?.role === 'ADMIN',
};
