import { coversRegion, isStaff } from '../../common/permissions/actor-scope.js';
import type { RuleSet } from '../../common/permissions/permission.types.js';

/** A record in a region: a venue (layouts), a fair (settings, bookings), an employer (priority categories). */
export interface RegionResource {
  regionCode: string;
}

/** A fair as the map and exhibitor list see it. */
export interface FairResource {
  regionCode: string;
  published: boolean;
}

/** A booking (or waitlist entry) and whose it is. */
export interface BookingResource {
  regionCode: string;
  employerId: string;
}

declare module '../../common/permissions/permission.types.js' {
  interface ActionResources {
    /** Floor plans of a venue: read, create, save, delete. */
    'booth.manageLayouts': RegionResource;
    /** Booking rules, booth states, approvals, cancellations, moves, the bookings list, the export. */
    'booth.manageFair': RegionResource;
    /** Marking employers' priority categories (专精特新 …). */
    'booth.markPriority': RegionResource;
    /** The fair's booth map and exhibitors: public for a published fair, staff of its region otherwise. */
    'booth.viewFair': FairResource;
    /** Employer members: book, join waitlists, see their own bookings. */
    'booth.book': undefined;
    /** Acting on one's own booking (confirm, cancel, accept/decline an offer). */
    'booth.ownBooking': BookingResource;
    /** Lists of fairs with booking set up (signed-in). */
    'booth.listFairs': undefined;
  }
}

type BoothAction =
  | 'booth.manageLayouts' | 'booth.manageFair' | 'booth.markPriority' | 'booth.viewFair' | 'booth.book' | 'booth.ownBooking' | 'booth.listFairs';

const isEmployerMember = (actor: Parameters<RuleSet<'booth.book'>['booth.book']>[0]) => actor?.role === 'EMPLOYER' && !!actor.employerId;

/** Booths (docs/booths.md): organizers of the region manage; employers act on their own bookings only. */
export const boothRules: RuleSet<BoothAction> = {
  'booth.manageLayouts': (actor, r) => coversRegion(actor, r.regionCode),
  'booth.manageFair': (actor, r) => coversRegion(actor, r.regionCode),
  'booth.markPriority': (actor, r) => coversRegion(actor, r.regionCode),
  'booth.viewFair': (actor, f) => f.published || coversRegion(actor, f.regionCode),
  'booth.book': (actor) => isEmployerMember(actor),
  'booth.ownBooking': (actor, b) => isEmployerMember(actor) && actor!.employerId === b.employerId,
  'booth.listFairs': (actor) => isStaff(actor) || isEmployerMember(actor),
};
