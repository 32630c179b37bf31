import DataLoader from 'dataloader';
import { byKey, registerLoader } from '../../common/graphql/loaders.js';
import { VenueEntity } from './venue.entity.js';

declare module '../../common/graphql/loaders.js' {
  interface Loaders {
    /** venue id → venue. */
    venue: DataLoader<string, VenueEntity | null>;
  }
}

// Plain SQL: every public list page loads its venues, and entity hydration showed in the profile.
registerLoader(
  'venue',
  (ds) =>
    new DataLoader(async (ids) => {
      const rows: VenueEntity[] = await ds.query(
        `SELECT id, name, address, region_code AS "regionCode", capacity, latitude, longitude, created_at AS "createdAt" FROM venue WHERE id = ANY($1::uuid[])`,
        [ids],
      );
      return byKey(ids, rows.map((r) => Object.assign(new VenueEntity(), r)), (v) => v.id);
    }),
);
