/** The privacy module's domain events (declaration merging into the shared map); all are audited. */
declare module '../../common/domain-events/domain-event-map.js' {
  interface DomainEventMap {
    /** A seeker downloaded their own data (it holds their ID number in full). */
    'personal-data.downloaded': { userId: string; regionCode: string | null; format: string };
    /** A seeker deleted their account: personal data removed, the anonymous records kept (counts only). */
    'account.deleted': { userId: string; regionCode: string | null; registrations: number; applications: number };
    /** The re-encryption job moved ID numbers to the current key. */
    'personal-data.rekeyed': { keyId: string; rows: number; remaining: number };
  }
}

export {};
