/** The employers module's domain events (declaration merging into the shared map). */
declare module '../../common/domain-events/domain-event-map.js' {
  interface DomainEventMap {
    /** A new employer registered (PENDING): its region's organizers are asked to review it. */
    'employer.registered': { employerId: string; name: string; regionCode: string };
    'employer.verified': { employerId: string; name: string; regionCode: string };
    'employer.rejected': { employerId: string; name: string; regionCode: string; reason: string };
    /** A rejected employer corrected its details and asked for review again (PENDING). */
    'employer.resubmitted': { employerId: string; name: string; regionCode: string; previousRegionCode: string };
    /** Its region's organizer withdrew a verification (status REJECTED with the reason, so it can correct and resubmit). */
    'employer.revoked': { employerId: string; name: string; regionCode: string; reason: string };
  }
}

export {};
