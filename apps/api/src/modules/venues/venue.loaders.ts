import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { byKey, registerLoader } from '../../common/graphql/loaders.js';
import { VenueEntity } from './venue.entity.js';

declare module '../../common/graphql/loaders.js' {
  interface Loaders {
    /** venue id → venue. */
    venue: DataLoader<string, VenueEntity | null>;
  }
}

registerLoader('venue', (ds) => new DataLoader(async (ids) => byKey(ids, await ds.getRepository(VenueEntity).findBy({ id: In([...ids]) }), (v) => v.id)));
