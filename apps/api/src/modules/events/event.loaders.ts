import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { byKey, groupByKey, registerLoader } from '../../common/graphql/loaders.js';
import { CoHostBodyEntity } from './co-hosts/co-host-body.entity.js';
import { EventSeriesEntity } from './series/event-series.entity.js';

declare module '../../common/graphql/loaders.js' {
  interface Loaders {
    /** series id → series. */
    series: DataLoader<string, EventSeriesEntity | null>;
    /** event id → its co-hosting bodies. */
    eventCoHosts: DataLoader<string, CoHostBodyEntity[]>;
    /** event id → user ids of its assigned staff. */
    eventStaff: DataLoader<string, string[]>;
    /** series id → number of non-cancelled occurrences. */
    seriesOccurrenceCount: DataLoader<string, number>;
  }
}

registerLoader('series', (ds) => new DataLoader(async (ids) => byKey(ids, await ds.getRepository(EventSeriesEntity).findBy({ id: In([...ids]) }), (s) => s.id)));

registerLoader(
  'eventCoHosts',
  (ds) =>
    new DataLoader(async (eventIds) => {
      const rows: Array<CoHostBodyEntity & { eventId: string }> = await ds.query(
        `SELECT ec.event_id AS "eventId", c.id, c.name, c.name_en AS "nameEn", c.active, c.created_at AS "createdAt"
           FROM event_co_host ec JOIN co_host_body c ON c.id = ec.co_host_id WHERE ec.event_id = ANY($1::uuid[]) ORDER BY c.name`,
        [eventIds],
      );
      return groupByKey(eventIds, rows, (r) => r.eventId, ({ eventId: _e, ...body }) => body as CoHostBodyEntity);
    }),
);

registerLoader(
  'eventStaff',
  (ds) =>
    new DataLoader(async (eventIds) => {
      const rows: Array<{ event_id: string; user_id: string }> = await ds.query(
        `SELECT event_id, user_id FROM event_staff WHERE event_id = ANY($1::uuid[]) ORDER BY created_at`,
        [eventIds],
      );
      return groupByKey(eventIds, rows, (r) => r.event_id, (r) => r.user_id);
    }),
);

registerLoader(
  'seriesOccurrenceCount',
  (ds) =>
    new DataLoader(async (seriesIds) => {
      const rows: Array<{ series_id: string; n: number }> = await ds.query(
        `SELECT series_id, count(*)::int AS n FROM event WHERE series_id = ANY($1::uuid[]) AND status <> 'CANCELLED' GROUP BY series_id`,
        [seriesIds],
      );
      const counts = new Map(rows.map((r) => [r.series_id, r.n]));
      return seriesIds.map((id) => counts.get(id) ?? 0);
    }),
);
