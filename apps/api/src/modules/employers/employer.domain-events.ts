/** The employers module's domain events (declaration merging into the shared map). */
declare module '../../common/domain-events/domain-event-map.js' {
  interface DomainEventMap {
    'employer.verified': { employerId: string; name: string; regionCode: string };
    'employer.rejected': { employerId: string; name: string; regionCode: string; reason: string };
  }
}

export {};
