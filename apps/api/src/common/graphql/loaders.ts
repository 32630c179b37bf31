import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { EmployerEntity } from '../../modules/employers/employer.entity.js';
import { RegionEntity } from '../../modules/regions/region.entity.js';
import { CoHostBodyEntity } from '../../modules/events/co-host-body.entity.js';
import { EventSeriesEntity } from '../../modules/events/event-series.entity.js';
import { UserEntity } from '../../modules/users/user.entity.js';
import { VenueEntity } from '../../modules/venues/venue.entity.js';

function byKey<K, V>(keys: readonly K[], rows: V[], keyOf: (v: V) => K): Array<V | null> {
  const map = new Map(rows.map((r) => [keyOf(r), r]));
  return keys.map((k) => map.get(k) ?? null);
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

/** Per-request DataLoaders: a page of N items costs one query per relation, not N. */
export function createLoaders(ds: DataSource) {
  return {
    region: new DataLoader<string, RegionEntity | null>(async (codes) => byKey(codes, await regionsFor(ds, codes), (r) => r.code)),
    employer: new DataLoader<string, EmployerEntity | null>(async (ids) =>
      byKey(ids, await ds.getRepository(EmployerEntity).findBy({ id: In([...ids]) }), (e) => e.id),
    ),
    user: new DataLoader<string, UserEntity | null>(async (ids) =>
      byKey(ids, await ds.getRepository(UserEntity).findBy({ id: In([...ids]) }), (u) => u.id),
    ),
    // Plain SQL: every public list page loads its venues, and entity hydration showed in the profile.
    venue: new DataLoader<string, VenueEntity | null>(async (ids) => {
      const rows: VenueEntity[] = await ds.query(
        `SELECT id, name, address, region_code AS "regionCode", capacity, latitude, longitude, created_at AS "createdAt" FROM venue WHERE id = ANY($1::uuid[])`,
        [ids],
      );
      return byKey(ids, rows.map((r) => Object.assign(new VenueEntity(), r)), (v) => v.id);
    }),
    series: new DataLoader<string, EventSeriesEntity | null>(async (ids) =>
      byKey(ids, await ds.getRepository(EventSeriesEntity).findBy({ id: In([...ids]) }), (s) => s.id),
    ),
    /** event id → its co-hosting bodies. */
    eventCoHosts: new DataLoader<string, CoHostBodyEntity[]>(async (eventIds) => {
      const rows: Array<CoHostBodyEntity & { eventId: string }> = await ds.query(
        `SELECT ec.event_id AS "eventId", c.id, c.name, c.name_en AS "nameEn", c.active, c.created_at AS "createdAt"
           FROM event_co_host ec JOIN co_host_body c ON c.id = ec.co_host_id WHERE ec.event_id = ANY($1::uuid[]) ORDER BY c.name`,
        [eventIds],
      );
      return eventIds.map((id) => rows.filter((r) => r.eventId === id));
    }),
    /** event id → user ids of its assigned staff. */
    eventStaff: new DataLoader<string, string[]>(async (eventIds) => {
      const rows: Array<{ event_id: string; user_id: string }> = await ds.query(
        `SELECT event_id, user_id FROM event_staff WHERE event_id = ANY($1::uuid[]) ORDER BY created_at`,
        [eventIds],
      );
      return eventIds.map((id) => rows.filter((r) => r.event_id === id).map((r) => r.user_id));
    }),
    /** series id → number of non-cancelled occurrences. */
    seriesOccurrenceCount: new DataLoader<string, number>(async (seriesIds) => {
      const rows: Array<{ series_id: string; n: number }> = await ds.query(
        `SELECT series_id, count(*)::int AS n FROM event WHERE series_id = ANY($1::uuid[]) AND status <> 'CANCELLED' GROUP BY series_id`,
        [seriesIds],
      );
      return seriesIds.map((id) => rows.find((r) => r.series_id === id)?.n ?? 0);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

export interface GraphQLContext {
  req: { headers: Record<string, string | undefined>; actor?: import('../auth/actor.js').Actor; ip?: string };
  loaders: Loaders;
}
