import { coversRegion, isStaff } from '../../common/permissions/actor-scope.js';
import type { RuleSet } from '../../common/permissions/permission.types.js';

/** A quota's, a figure's or an export's region. */
export interface QuotaRegionResource {
  regionCode: string;
}

/** A ledger export and who asked for it. */
export interface LedgerExportResource {
  regionCode: string;
  requestedBy: string;
}

declare module '../../common/permissions/permission.types.js' {
  interface ActionResources {
    /** The dashboard, the events behind a number and the definitions of a region: staff covering it. */
    'quota.view': QuotaRegionResource;
    /** Creating, editing and deleting quota definitions and targets: admins. */
    'quota.manage': undefined;
    /** Entering the monthly reported figures of a region's quota: organizers covering it, admins. */
    'quota.report': QuotaRegionResource;
    /** Asking for a ledger (台账) of a region: staff covering it. */
    'quota.export': QuotaRegionResource;
    /** Following and downloading a ledger export: whoever asked for it, or an admin. */
    'quota.readExport': LedgerExportResource;
    /** One's own recent ledger exports: staff. */
    'quota.listExports': undefined;
  }
}

type QuotaAction = 'quota.view' | 'quota.manage' | 'quota.report' | 'quota.export' | 'quota.readExport' | 'quota.listExports';

/** Quotas (docs/quotas.md): county organizers see and export their county only; definitions are the admin's. */
export const quotaRules: RuleSet<QuotaAction> = {
  'quota.view': (actor, r) => coversRegion(actor, r.regionCode),
  'quota.manage': (actor) => actor?.role === 'ADMIN',
  'quota.report': (actor, r) => coversRegion(actor, r.regionCode),
  'quota.export': (actor, r) => coversRegion(actor, r.regionCode),
  'quota.listExports': (actor) => isStaff(actor),
  'quota.readExport': (actor, e) => !!actor && (actor.role === 'ADMIN' || (actor.id === e.requestedBy && coversRegion(actor, e.regionCode))),
};
