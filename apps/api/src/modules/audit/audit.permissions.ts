import type { RuleSet } from '../../common/permissions/permission.types.js';

declare module '../../common/permissions/permission.types.js' {
  interface ActionResources {
    'audit.read': undefined;
  }
}

/** The audit log names people and their decisions: the system administrator reads it. */
export const auditRules: RuleSet<'audit.read'> = {
  'audit.read': (actor) => actor?.role === 'ADMIN',
};
