/** Domain events of quotas (declaration merging into the shared map); all of them are audited. */
declare module '../../common/domain-events/domain-event-map.js' {
  interface DomainEventMap {
    /** An admin created a quota definition. */
    'quota.created': { quotaId: string; regionCode: string; year: number; programme: string; name: string; target: number | null; values: Record<string, unknown> };
    /** An admin changed a definition or its target: the fields before and after. */
    'quota.updated': { quotaId: string; regionCode: string; name: string; before: Record<string, unknown>; after: Record<string, unknown> };
    'quota.deleted': { quotaId: string; regionCode: string; name: string; values: Record<string, unknown> };
    /** A reported figure (上报数据) entered or replaced for a month. */
    'quota.figure-reported': { quotaId: string; regionCode: string; name: string; month: string; value: number; previousValue: number | null; source: string };
  }
}

export {};
