/** The events module's domain events (declaration merging into the shared map). */
declare module '../../common/domain-events/domain-event-map.js' {
  interface DomainEventMap {
    'event.cancelled': { eventId: string; regionCode: string; title: string; startsAt: string; reason: string };
    'event.rescheduled': { eventId: string; regionCode: string; title: string; previousStartsAt: string; startsAt: string; endsAt: string };
    /** One or more occurrences changed (a series edit changes many at once). */
    'event.updated': { eventIds: string[]; regionCode: string; changed: string[] };
    /** Published events whose end has passed, completed by the scheduler. */
    'event.completed': { eventIds: string[] };
  }
}

export {};
