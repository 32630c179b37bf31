import { coversRegion, isStaff } from '../../common/permissions/actor-scope.js';
import type { RuleSet } from '../../common/permissions/permission.types.js';

declare module '../../common/permissions/permission.types.js' {
  interface ActionResources {
    /** List the caller's occurrences that now fall on a statutory holiday. */
    'holidayClash.list': undefined;
    /** Apply the series' holiday policy to one such occurrence (cancel, reschedule or acknowledge). */
    'holidayClash.resolve': { regionCode: string };
  }
}

/** Organizers see and resolve the clashes of the regions they cover; admins all of them. */
export const holidayClashRules: RuleSet<'holidayClash.list' | 'holidayClash.resolve'> = {
  'holidayClash.list': (actor) => isStaff(actor),
  'holidayClash.resolve': (actor, e) => coversRegion(actor, e.regionCode),
};
