import type { RuleSet } from '../../common/permissions/permission.types.js';

declare module '../../common/permissions/permission.types.js' {
  interface ActionResources {
    /** A person's private feed URL: reading and rotating it. */
    'calendarFeed.manage': { userId: string };
  }
}

export const calendarFeedRules: RuleSet<'calendarFeed.manage'> = {
  'calendarFeed.manage': (actor, f) => actor?.id === f.userId,
};
