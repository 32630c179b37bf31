import type { ApplicationSource, ApplicationStatus } from '@leye/domain';

/** The applications module's domain events (declaration merging into the shared map). No résumé contents. */
interface ApplicationRef {
  applicationId: string;
  postingId: string;
  postingTitle: string;
  employerId: string;
  /** The employer's region (audit scope). */
  regionCode: string;
  seekerId: string;
}

declare module '../../common/domain-events/domain-event-map.js' {
  interface DomainEventMap {
    /** A seeker applied: the employer's members are told. */
    'application.submitted': ApplicationRef & { source: ApplicationSource; eventId: string | null };
    /** The employer moved it along the pipeline (or rejected it): the seeker is told. */
    'application.status-changed': ApplicationRef & { from: ApplicationStatus; to: ApplicationStatus; reason: string | null };
    /** The seeker withdrew it before an offer: the employer is told. */
    'application.withdrawn': ApplicationRef & { from: ApplicationStatus };
  }
}

export {};
