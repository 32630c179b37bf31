/** The holidays module's domain events (declaration merging into the shared map). */
declare module '../../common/domain-events/domain-event-map.js' {
  interface DomainEventMap {
    /** An admin replaced the maintained holiday entries of a year. */
    'holidays.changed': { year: number; days: Array<{ date: string; kind: string; name: string }> };
  }
}

export {};
