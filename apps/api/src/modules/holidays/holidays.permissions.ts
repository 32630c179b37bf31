import { coversRegion, isStaff } from '../../common/permissions/actor-scope.js';
import type { RuleSet } from '../../common/permissions/permission.types.js';

declare module '../../common/permissions/permission.types.js' {
  interface ActionResources {
    'holiday.manage': undefined;
    'peakSeason.read': undefined;
    'peakSeason.manage': { regionCode: string };
  }
}

/** The national holiday calendar is the admin's; a region's peak hiring season its organizers'. */
export const holidayRules: RuleSet<'holiday.manage' | 'peakSeason.read' | 'peakSeason.manage'> = {
  'holiday.manage': (actor) => actor?.role === 'ADMIN',
  'peakSeason.read': (actor) => isStaff(actor),
  'peakSeason.manage': (actor, r) => coversRegion(actor, r.regionCode),
};
