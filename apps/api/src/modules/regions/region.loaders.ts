import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { byKey, registerLoader } from '../../common/graphql/loaders.js';
import { RegionEntity } from './region.entity.js';

declare module '../../common/graphql/loaders.js' {
  interface Loaders {
    /** region code → region. */
    region: DataLoader<string, RegionEntity | null>;
  }
}

registerLoader('region', (ds) => new DataLoader(async (codes) => byKey(codes, await ds.getRepository(RegionEntity).findBy({ code: In([...codes]) }), (r) => r.code)));
