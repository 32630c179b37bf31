import DataLoader from 'dataloader';
import { registerLoader } from '../../common/graphql/loaders.js';
import { EMPTY_FUNNEL, FUNNEL_COLUMNS, type Funnel } from './applications.service.js';

declare module '../../common/graphql/loaders.js' {
  interface Loaders {
    /** posting id → its application funnel (all sources). */
    postingApplicationFunnel: DataLoader<string, Funnel>;
  }
}

registerLoader(
  'postingApplicationFunnel',
  (ds) =>
    new DataLoader(async (ids) => {
      const rows: Array<Funnel & { postingId: string }> = await ds.query(
        `SELECT a.posting_id AS "postingId", ${FUNNEL_COLUMNS} FROM job_application a WHERE a.posting_id = ANY($1::uuid[]) GROUP BY a.posting_id`,
        [[...ids]],
      );
      const byId = new Map(rows.map(({ postingId, ...f }) => [postingId, f]));
      return ids.map((id) => byId.get(id) ?? { ...EMPTY_FUNNEL });
    }),
);
