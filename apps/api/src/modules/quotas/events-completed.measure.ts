import type { EntityManager, DataSource } from 'typeorm';
import type { MeasureFigures, MeasureProvider, MeasureScope } from '../../common/measures/measures.js';
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
  return {
    key: 'events.completed',
    unit: 'events',
    additive: true,
    async evaluate(scope: MeasureScope, manager?: EntityManager): Promise<MeasureFigures> {
      const w = where(scope);
      const rows: Array<{ month: string; region: string; n: number }> = await (manager ?? ds.manager).query(
        `SELECT to_char(e.starts_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, e.region_code AS region, count(*)::int AS n
           FROM event e WHERE ${w.sql} GROUP BY 1, 2`,
        w.params,
      );
      const byMonth = new Map<string, number>();
      const byRegion = new Map<string, number>();
      let total = 0;
      for (const r of rows) {
        total += r.n;
        byMonth.set(r.month, (byMonth.get(r.month) ?? 0) + r.n);
        byRegion.set(r.region, (byRegion.get(r.region) ?? 0) + r.n);
      }
      return {
        total,
        byMonth: [...byMonth].sort(([a], [b]) => a.localeCompare(b)).map(([month, value]) => ({ month, value })),
        byRegion: [...byRegion].map(([regionCode, value]) => ({ regionCode, value })),
      };
    },
    async eventIds(scope: MeasureScope, manager?: EntityManager): Promise<string[]> {
      const w = where(scope);
      const rows: Array<{ id: string }> = await (manager ?? ds.manager).query(`SELECT e.id FROM event e WHERE ${w.sql} ORDER BY e.starts_at, e.id`, w.params);
      return rows.map((r) => r.id);
    },
  };
}
