/** The attendance module's domain events (declaration merging into the shared map). */
declare module '../../common/domain-events/domain-event-map.js' {
  interface DomainEventMap {
    /** An attendance list left with phone and ID numbers in full (audited). */
    'attendance.exported-unmasked': { eventId: string; regionCode: string; title: string; rows: number };
    /** Seekers moved up from the waitlist of an event or class (the promotion job): they now hold a seat and a ticket. */
    'attendance.waitlist-promoted': { targetId: string; eventId: string | null; seriesId: string | null; title: string; registrations: Array<{ registrationId: string; userId: string | null }> };
  }
}

export {};
