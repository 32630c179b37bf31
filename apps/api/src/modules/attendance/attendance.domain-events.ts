/** The attendance module's domain events (declaration merging into the shared map). */
declare module '../../common/domain-events/domain-event-map.js' {
  interface DomainEventMap {
    /** An attendance list left with phone and ID numbers in full (audited). */
    'attendance.exported-unmasked': { eventId: string; regionCode: string; title: string; rows: number };
  }
}

export {};
