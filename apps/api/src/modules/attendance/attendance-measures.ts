import type { DataSource, EntityManager } from 'typeorm';
import { figuresFromRows, type MeasureFigures, type MeasureProvider, type MeasureScope, type SqlPart } from '../../common/measures/measures.js';

/**
 * `attendance.unique` and `attendance.participations` (docs/attendance.md#quota-measures): a SUM over
 * the per-event counters (`event_attendance`, kept in the check-in transaction) of the matching events,
 * so a dashboard never counts check-in rows. Events count when not cancelled (PUBLISHED — figures of a
 * running fair — and COMPLETED), by their start in the period, in their own region.
 * unique = people admitted, once per event (once per class across its sessions); participations = one
 * per person per event or session (人次).
 */
function filterSql(scope: MeasureScope): { where: string; params: unknown[] } {
  const params: unknown[] = [scope.from, scope.to, [...scope.regionCodes]];
  const parts = [`e.status IN ('PUBLISHED','COMPLETED')`, `e.starts_at >= $1`, `e.starts_at < $2`, `e.region_code = ANY($3::text[])`];
  if (scope.params.types?.length) {
    params.push(scope.params.types);
    parts.push(`e.type = ANY($${params.length}::text[])`);
  }
  if (scope.params.subtypes?.length) {
    params.push(scope.params.subtypes);
    parts.push(`e.subtype = ANY($${params.length}::text[])`);
  }
  if (scope.params.coHostIds?.length) {
    params.push(scope.params.coHostIds);
    parts.push(`EXISTS (SELECT 1 FROM event_co_host h WHERE h.event_id = e.id AND h.co_host_id = ANY($${params.length}::uuid[]))`);
  }
  return { where: parts.join(' AND '), params };
}

function provider(key: string, unit: string, column: 'first_admitted' | 'admitted', ds: DataSource): MeasureProvider {
  const rowsSql = (scope: MeasureScope): SqlPart => {
    const { where, params } = filterSql(scope);
    return {
      sql: `WITH matching AS MATERIALIZED (
              SELECT e.id, e.region_code, to_char(e.starts_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month FROM event e WHERE ${where})
            SELECT m.month, m.region_code AS "regionCode", sum(a.${column})::int AS value
              FROM matching m JOIN event_attendance a ON a.event_id = m.id GROUP BY 1, 2`,
      params,
    };
  };
  return {
    key,
    unit,
    additive: true,
    rowsSql,
    async evaluate(scope: MeasureScope, manager?: EntityManager): Promise<MeasureFigures> {
      if (!scope.regionCodes.length) return { total: 0, byMonth: [], byRegion: [] };
      const { sql, params } = rowsSql(scope);
      return figuresFromRows(await (manager ?? ds.manager).query(sql, params));
    },
    /** The figure of each given event in ONE query (the quota ledger and click-through list ask for many at once). */
    async perEvent(eventIds: readonly string[], params: MeasureScope['params'], manager?: EntityManager): Promise<Map<string, number>> {
      if (!eventIds.length) return new Map();
      const args: unknown[] = [[...eventIds]];
      const parts = [`e.id = ANY($1::uuid[])`, `e.status IN ('PUBLISHED','COMPLETED')`];
      if (params.types?.length) {
        args.push(params.types);
        parts.push(`e.type = ANY($${args.length}::text[])`);
      }
      if (params.subtypes?.length) {
        args.push(params.subtypes);
        parts.push(`e.subtype = ANY($${args.length}::text[])`);
      }
      if (params.coHostIds?.length) {
        args.push(params.coHostIds);
        parts.push(`EXISTS (SELECT 1 FROM event_co_host h WHERE h.event_id = e.id AND h.co_host_id = ANY($${args.length}::uuid[]))`);
      }
      const rows: Array<{ id: string; value: number }> = await (manager ?? ds.manager).query(
        `SELECT e.id, sum(a.${column})::int AS value FROM event e JOIN event_attendance a ON a.event_id = e.id WHERE ${parts.join(' AND ')} GROUP BY e.id`,
        args,
      );
      return new Map(rows.map((r) => [r.id, r.value]));
    },
    async eventIds(scope: MeasureScope, manager?: EntityManager): Promise<string[]> {
      if (!scope.regionCodes.length) return [];
      const { where, params } = filterSql(scope);
      const rows: Array<{ id: string }> = await (manager ?? ds.manager).query(
        `SELECT e.id FROM event e WHERE ${where} AND EXISTS (SELECT 1 FROM event_attendance a WHERE a.event_id = e.id AND a.${column} > 0) ORDER BY e.starts_at, e.id`,
        params,
      );
      return rows.map((r) => r.id);
    },
  };
}

export const attendanceMeasures = (ds: DataSource): MeasureProvider[] => [
  provider('attendance.unique', 'people', 'first_admitted', ds),
  provider('attendance.participations', 'person-times', 'admitted', ds),
];
