/** Domain events of holiday clashes (declaration merging into the shared map). */
declare module '../../common/domain-events/domain-event-map.js' {
  interface DomainEventMap {
    /** An organizer chose to hold an occurrence on the holiday it now falls on (policy KEEP). */
    'event.kept-on-holiday': { eventId: string; regionCode: string; title: string; date: string; holidayName: string };
  }
}

export {};
