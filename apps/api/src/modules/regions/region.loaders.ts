import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { byKey, registerLoader } from '../../common/graphql/loaders.js';
import { RegionEntity } from './region.entity.js';

declare module '../../common/graphql/loaders.js' {
  interface Loaders {
    /** region code → region. */
    region: DataLoader<string, RegionEntity | null>;
  }
}

/**
 * Regions are reference data written only by migrations and the seed, so one copy per process serves
 * every request; a code missing from it (a region added since) reloads the copy.
 */
let regionCache: { ds: DataSource; byCode: Map<string, RegionEntity> } | null = null;
async function regionsFor(ds: DataSource, codes: readonly string[]): Promise<RegionEntity[]> {
  if (!regionCache || regionCache.ds !== ds || codes.some((c) => !regionCache!.byCode.has(c))) {
    const all = await ds.getRepository(RegionEntity).find();
    regionCache = { ds, byCode: new Map(all.map((r) => [r.code, r])) };
  }
  const { byCode } = regionCache;
  return codes.map((c) => byCode.get(c)).filter((r): r is RegionEntity => !!r);
}

registerLoader('region', (ds) => new DataLoader(async (codes) => byKey(codes, await regionsFor(ds, codes), (r) => r.code)));
