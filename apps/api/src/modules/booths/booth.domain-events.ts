/** The booths module's domain events (declaration merging into the shared map). */
export interface BookingRef {
  bookingId: string;
  eventId: string;
  eventTitle: string;
  regionCode: string;
  employerId: string;
  employerName: string;
  /** null for a delegation place. */
  boothCode: string | null;
}

declare module '../../common/domain-events/domain-event-map.js' {
  interface DomainEventMap {
    /** Held → confirmed (or pending approval), an approval, or an accepted offer. */
    'booth.booking-confirmed': BookingRef & { status: 'CONFIRMED' | 'PENDING_APPROVAL' };
    'booth.booking-approved': BookingRef;
    'booth.booking-rejected': BookingRef & { reason: string };
    /** By the employer (byOrganizer false) or by an organizer with a reason; also when the fair is cancelled. */
    'booth.booking-cancelled': BookingRef & { reason: string | null; byOrganizer: boolean };
    'booth.booking-moved': BookingRef & { previousBoothCode: string };
    /** A waitlisted employer is offered a freed booth (or place) until `expiresAt`. */
    'booth.offer-made': BookingRef & { waitlistId: string; expiresAt: string };
    /** The fair was moved: bookings stand, employers are told. */
    'booth.fair-rescheduled': { eventId: string; eventTitle: string; startsAt: string; employerIds: string[] };
  }
}

export {};
