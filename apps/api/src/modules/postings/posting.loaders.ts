import DataLoader from 'dataloader';
import type { FlagPhrase } from '@leye/domain';
import { byKey, registerLoader } from '../../common/graphql/loaders.js';
import { selectPostings, type PostingRow } from './postings.service.js';

declare module '../../common/graphql/loaders.js' {
  interface Loaders {
    /** 'all' → the phrase list (read once per request for every posting's flags). */
    postingFlagPhrases: DataLoader<'all', FlagPhrase[]>;
    /** occupation code → on the urgent-shortage list. */
    urgentOccupation: DataLoader<string, boolean>;
    /** posting id → posting (any status) with its employer's region and name. */
    postingRow: DataLoader<string, PostingRow | null>;
  }
}

registerLoader(
  'postingFlagPhrases',
  (ds) =>
    new DataLoader(async (keys) => {
      const rows: FlagPhrase[] = await ds.query(`SELECT phrase, category FROM posting_flag_phrase ORDER BY category, phrase`);
      return keys.map(() => rows);
    }),
);

registerLoader(
  'urgentOccupation',
  (ds) =>
    new DataLoader(async (codes) => {
      const rows: Array<{ code: string }> = await ds.query(`SELECT occupation_code AS code FROM urgent_occupation WHERE occupation_code = ANY($1::text[])`, [
        [...codes],
      ]);
      const on = new Set(rows.map((r) => r.code));
      return codes.map((c) => on.has(c));
    }),
);

registerLoader('postingRow', (ds) => new DataLoader(async (ids) => byKey(ids, await selectPostings(ds.manager, ids), (p) => p.id)));
