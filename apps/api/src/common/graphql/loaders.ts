import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { EmployerEntity } from '../../modules/employers/employer.entity.js';
import { RegionEntity } from '../../modules/regions/region.entity.js';

function byKey<K, V>(keys: readonly K[], rows: V[], keyOf: (v: V) => K): Array<V | null> {
  const map = new Map(rows.map((r) => [keyOf(r), r]));
  return keys.map((k) => map.get(k) ?? null);
}

/** Per-request DataLoaders: a page of N items costs one query per relation, not N. */
export function createLoaders(ds: DataSource) {
  return {
    region: new DataLoader<string, RegionEntity | null>(async (codes) =>
      byKey(codes, await ds.getRepository(RegionEntity).findBy({ code: In([...codes]) }), (r) => r.code),
    ),
    employer: new DataLoader<string, EmployerEntity | null>(async (ids) =>
      byKey(ids, await ds.getRepository(EmployerEntity).findBy({ id: In([...ids]) }), (e) => e.id),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

export interface GraphQLContext {
  req: { headers: Record<string, string | undefined>; actor?: import('../auth/actor.js').Actor; ip?: string };
  loaders: Loaders;
}
