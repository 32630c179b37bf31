import { coversRegion } from '../../common/permissions/actor-scope.js';
import type { RuleSet } from '../../common/permissions/permission.types.js';

declare module '../../common/permissions/permission.types.js' {
  interface ActionResources {
    'venue.create': { regionCode: string };
    /** Holding a venue for an event or series: the venue's region must be the actor's to use. */
    'venue.book': { regionCode: string };
  }
}

/** Venues (场馆) belong to a region; its organizers add them and put events in them. */
export const venueRules: RuleSet<'venue.create' | 'venue.book'> = {
  'venue.create': (actor, v) => coversRegion(actor, v.regionCode),
  'venue.book': (actor, v) => coversRegion(actor, v.regionCode),
};
