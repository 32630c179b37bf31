import { coversRegion, isStaff } from '../../common/permissions/actor-scope.js';
import type { RuleSet } from '../../common/permissions/permission.types.js';

export interface EmployerResource {
  id: string;
  regionCode: string;
}

declare module '../../common/permissions/permission.types.js' {
  interface ActionResources {
    /** Full record: credit code and contact. Others see a verified employer's name only. */
    'employer.read': EmployerResource;
    'employer.list': undefined;
    'employer.readOwn': undefined;
    'employer.verify': EmployerResource;
    'employer.reject': EmployerResource;
    /** Withdrawing a verification (with a reason). */
    'employer.revoke': EmployerResource;
    /** Correcting a rejected employer's details and asking for review again: its own members. */
    'employer.resubmit': EmployerResource;
  }
}

/** Employers (用人单位): their region's organizers review and read them; members read their own. */
type EmployerAction = 'employer.read' | 'employer.list' | 'employer.readOwn' | 'employer.verify' | 'employer.reject' | 'employer.revoke' | 'employer.resubmit';

export const employerRules: RuleSet<EmployerAction> = {
  'employer.read': (actor, e) => coversRegion(actor, e.regionCode) || (actor?.role === 'EMPLOYER' && actor.employerId === e.id),
  'employer.list': (actor) => isStaff(actor),
  'employer.readOwn': (actor) => actor?.role === 'EMPLOYER',
  'employer.verify': (actor, e) => coversRegion(actor, e.regionCode),
  'employer.reject': (actor, e) => coversRegion(actor, e.regionCode),
  'employer.revoke': (actor, e) => coversRegion(actor, e.regionCode),
  'employer.resubmit': (actor, e) => actor?.role === 'EMPLOYER' && actor.employerId === e.id,
};
