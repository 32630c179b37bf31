import DataLoader from 'dataloader';
import { registerLoader } from '../../common/graphql/loaders.js';

declare module '../../common/graphql/loaders.js' {
  interface Loaders {
    /** event id → seats taken (REGISTERED), counting the registrations to its class for a class session. */
    eventRegisteredCount: DataLoader<string, number>;
  }
}

registerLoader(
  'eventRegisteredCount',
  (ds) =>
    new DataLoader(async (ids) => {
      const rows: Array<{ id: string; n: number }> = await ds.query(
        `SELECT e.id, (coalesce(a.registered, 0) + coalesce(b.registered, 0))::int AS n
           FROM event e LEFT JOIN registration_count a ON a.target_id = e.id LEFT JOIN registration_count b ON b.target_id = e.series_id
          WHERE e.id = ANY($1::uuid[])`,
        [[...ids]],
      );
      const map = new Map(rows.map((r) => [r.id, r.n]));
      return ids.map((id) => map.get(id) ?? 0);
    }),
);
