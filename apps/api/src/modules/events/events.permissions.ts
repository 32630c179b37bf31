import { CITY_REGION_CODE, type Role } from '@leye/domain';
import { coversRegion, isCityWide, isStaff } from '../../common/permissions/actor-scope.js';
import type { RuleSet } from '../../common/permissions/permission.types.js';

/** What the event rules look at: the event's region and whether it is published. */
export interface EventResource {
  regionCode: string;
  publishedAt: Date | null;
}

/** A person an organizer wants to put on an event's staff. */
export interface StaffCandidate {
  role: Role;
  regionCode: string | null;
}

declare module '../../common/permissions/permission.types.js' {
  interface ActionResources {
    'event.read': EventResource;
    'event.staffCalendar': undefined;
    'event.readStaff': EventResource;
    'event.create': { regionCode: string };
    'event.update': EventResource;
    'event.publish': EventResource;
    'event.cancel': EventResource;
    'event.reschedule': EventResource;
    'event.complete': EventResource;
    'event.assignStaff': EventResource;
    'event.staffCandidate': StaffCandidate;
    'series.read': { regionCode: string };
    'series.create': { regionCode: string };
    'series.preview': undefined;
    'coHost.create': undefined;
  }
}

const manages = (actor: Parameters<typeof coversRegion>[0], e: { regionCode: string }) => coversRegion(actor, e.regionCode);

/**
 * Events (活动), series and co-hosts. Anyone reads a published event; a draft only its region's
 * organizers (a city organizer covers every county). Every change needs the event's region.
 */
export const eventRules: RuleSet<
  | 'event.read' | 'event.staffCalendar' | 'event.readStaff' | 'event.create' | 'event.update' | 'event.publish' | 'event.cancel' | 'event.reschedule'
  | 'event.complete' | 'event.assignStaff' | 'event.staffCandidate' | 'series.read' | 'series.create' | 'series.preview' | 'coHost.create'
> = {
  'event.read': (actor, e) => e.publishedAt !== null || manages(actor, e),
  // The staff calendar lists drafts too, limited to the regions the caller covers.
  'event.staffCalendar': (actor) => isStaff(actor),
  'event.readStaff': manages,
  'event.create': manages,
  'event.update': manages,
  'event.publish': manages,
  'event.cancel': manages,
  'event.reschedule': manages,
  'event.complete': manages,
  'event.assignStaff': manages,
  // Staff are organizers, mentors and hosts of a region the actor covers: a county organizer picks
  // only people of its own county; city organizers and admins (who cover every region) anyone of a
  // region; only an admin may put an admin on an event. Someone with no region counts as city-wide.
  'event.staffCandidate': (actor, u) =>
    (u.role === 'ADMIN' && actor?.role === 'ADMIN') || (['ORGANIZER', 'MENTOR', 'HOST'].includes(u.role) && coversRegion(actor, u.regionCode ?? CITY_REGION_CODE)),
  'series.read': manages,
  'series.create': manages,
  'series.preview': (actor) => isStaff(actor),
  // The co-host list is city-wide: only city organizers and admins maintain it.
  'coHost.create': (actor) => isCityWide(actor),
};
