import type { EntityManager } from 'typeorm';
import { figuresFromRows, type MeasureFigures, type MeasureProvider, type MeasureScope, type SqlPart } from '../../common/measures/measures.js';

/**
 * Quota measures of broadcasts (quota definitions `livestreams` and `livestream-viewers`, clause 八):
 *  - `broadcasts.count`: broadcasts that went live in the period (by `started_at`, Asia/Shanghai months), per region;
 *  - `broadcasts.viewers`: unique viewers of those broadcasts (each viewer key once per broadcast).
 */
function provider(key: string, unit: string, valueSql: string, ds: () => EntityManager): MeasureProvider {
  const rowsSql = (scope: MeasureScope): SqlPart => ({
    sql: `SELECT to_char(b.started_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, b.region_code AS "regionCode", ${valueSql} AS value
            FROM broadcast b
           WHERE b.started_at >= $1 AND b.started_at < $2 AND b.region_code = ANY($3::text[])
           GROUP BY 1, 2`,
    params: [scope.from, scope.to, scope.regionCodes],
  });
  const figures = async (scope: MeasureScope, manager?: EntityManager): Promise<MeasureFigures> => {
    const { sql, params } = rowsSql(scope);
    return figuresFromRows(await (manager ?? ds()).query(sql, params));
  };
  return {
    key,
    unit,
    additive: true,
    evaluate: figures,
    rowsSql,
    async eventIds(scope, manager) {
      const rows: Array<{ id: string }> = await (manager ?? ds()).query(
        `SELECT b.event_id AS id FROM broadcast b WHERE b.started_at >= $1 AND b.started_at < $2 AND b.region_code = ANY($3::text[])`,
        [scope.from, scope.to, scope.regionCodes],
      );
      return rows.map((r) => r.id);
    },
    async perEvent(eventIds, _params, manager) {
      const rows: Array<{ eventId: string; value: number }> = await (manager ?? ds()).query(
        `SELECT b.event_id AS "eventId", ${valueSql} AS value FROM broadcast b WHERE b.event_id = ANY($1::uuid[]) AND b.started_at IS NOT NULL GROUP BY b.event_id`,
        [eventIds],
      );
      return new Map(rows.map((r) => [r.eventId, r.value]));
    },
  };
}

export const broadcastMeasures = (ds: () => EntityManager): MeasureProvider[] => [
  provider('broadcasts.count', 'broadcasts', 'count(*)::int', ds),
  provider('broadcasts.viewers', 'viewers', '(SELECT count(*)::int FROM broadcast_viewer v WHERE v.broadcast_id = ANY(array_agg(b.id)))', ds),
];
