/** The postings module's domain events (declaration merging into the shared map). */
interface PostingRef {
  postingId: string;
  employerId: string;
  title: string;
  /** The employer's region: whose organizers review it. */
  regionCode: string;
}

declare module '../../common/domain-events/domain-event-map.js' {
  interface DomainEventMap {
    /** Created or edited: (back) in the review queue of the employer region's organizers. */
    'posting.submitted': PostingRef & { revision: number; edit: boolean };
    'posting.approved': PostingRef;
    'posting.rejected': PostingRef & { reason: string };
    'posting.withdrawn': PostingRef;
    /** The expiry job moved these past their valid-until date. */
    'posting.expired': { postings: Array<{ postingId: string; employerId: string; title: string }> };
    /** The phrase list or the urgent-shortage occupation list changed. */
    'posting.list-changed': { list: 'PHRASES' | 'URGENT_OCCUPATIONS'; change: 'ADDED' | 'REMOVED'; value: string; category: string | null };
  }
}

export {};
