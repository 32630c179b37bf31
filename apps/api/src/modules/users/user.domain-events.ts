/** The users module's domain events (declaration merging into the shared map). */
declare module '../../common/domain-events/domain-event-map.js' {
  interface DomainEventMap {
    /** An organizer or admin created a staff account (organizer, mentor, host, admin). */
    'staff.created': { userId: string; role: string; displayName: string; regionCode: string | null };
  }
}

export {};
