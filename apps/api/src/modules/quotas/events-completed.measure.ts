import type { EntityManager, DataSource } from 'typeorm';
import { figuresFromRows, type MeasureFigures, type MeasureProvider, type MeasureScope, type SqlPart } from '../../common/measures/measures.js';
import { eventFilterSql } from './event-filter.sql.js';

/**
 * `events.completed`: events with status COMPLETED whose start lies in the period, in the regions of
 * the scope, matching the filter. A cancelled event never counts; each event belongs to one region,
 * so city figures (city + every county) count nothing twice.
 */
export function eventsCompletedMeasure(ds: DataSource): MeasureProvider {
  const where = (scope: MeasureScope) => {
    const f = eventFilterSql(scope.params, 4);
    return {
      sql: `e.status = 'COMPLETED' AND e.region_code = ANY($1::varchar[]) AND e.starts_at >= $2 AND e.starts_at < $3 AND ${f.sql}`,
      params: [scope.regionCodes, scope.from, scope.to, ...f.params],
    };
  };
  const rowsSql = (scope: MeasureScope): SqlPart => {
    const w = where(scope);
    return {
      sql: `SELECT to_char(e.starts_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, e.region_code AS "regionCode", count(*)::int AS value
              FROM event e WHERE ${w.sql} GROUP BY 1, 2`,
      params: w.params,
    };
  };
  return {
    key: 'events.completed',
    unit: 'events',
    additive: true,
    rowsSql,
    async evaluate(scope: MeasureScope, manager?: EntityManager): Promise<MeasureFigures> {
      const { sql, params } = rowsSql(scope);
      return figuresFromRows(await (manager ?? ds.manager).query(sql, params));
    },
    async eventIds(scope: MeasureScope, manager?: EntityManager): Promise<string[]> {
      const w = where(scope);
      const rows: Array<{ id: string }> = await (manager ?? ds.manager).query(`SELECT e.id FROM event e WHERE ${w.sql} ORDER BY e.starts_at, e.id`, w.params);
      return rows.map((r) => r.id);
    },
  };
}
