import type { RuleSet } from '../../common/permissions/permission.types.js';

declare module '../../common/permissions/permission.types.js' {
  interface ActionResources {
    /** Reading, marking and live-receiving (socket room `user:<id>`) a person's notifications. */
    'notification.read': { userId: string };
  }
}

export const notificationRules: RuleSet<'notification.read'> = {
  'notification.read': (actor, n) => actor?.id === n.userId,
};
