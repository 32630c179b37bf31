import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { CITY_REGION_CODE, isCalendarDate, type EventType, type QuotaKind, type QuotaProgramme } from '@leye/domain';
import { DomainEvents } from '../../common/domain-events/domain-events.service.js';
import { badInput, conflict, notFound } from '../../common/errors/app-error.js';
import { Measures } from '../../common/measures/measures.js';
import type { QuotaDefinitionInput, QuotaReportedFigureType, ReportQuotaFigureInput } from './quota.types.js';
import './quota.domain-events.js';

export interface QuotaDefinition {
  id: string;
  programme: QuotaProgramme;
  name: string;
  nameEn: string;
  regionCode: string;
  periodStart: string;
  periodEnd: string;
  target: number | null;
  unit: string;
  unitEn: string;
  clause: string;
  clauseText: string;
  kind: QuotaKind;
  measureKey: string | null;
  params: Record<string, unknown> & { types?: EventType[]; subtypes?: string[]; coHostIds?: string[]; aggregation?: 'SUM' | 'LATEST' };
  sortOrder: number;
  version: number;
  updatedAt: Date;
}

export const DEFINITION_SELECT = `SELECT d.id, d.programme, d.name, d.name_en AS "nameEn", d.region_code AS "regionCode",
    to_char(d.period_start, 'YYYY-MM-DD') AS "periodStart", to_char(d.period_end, 'YYYY-MM-DD') AS "periodEnd",
    d.target::float8 AS target, d.unit, d.unit_en AS "unitEn", d.clause, d.clause_text AS "clauseText", d.kind,
    d.measure_key AS "measureKey", d.params, d.sort_order AS "sortOrder", d.version, d.updated_at AS "updatedAt"
  FROM quota_definition d`;

/** The fields an admin edits, as stored (audited before/after). */
function columns(input: QuotaDefinitionInput) {
  const params: Record<string, unknown> = {};
  if (input.eventTypes.length) params.types = input.eventTypes;
  if (input.eventSubtypes.length) params.subtypes = input.eventSubtypes;
  if (input.coHostIds.length) params.coHostIds = input.coHostIds;
  if (input.kind === 'REPORTED') params.aggregation = input.aggregation ?? 'SUM';
  return {
    programme: input.programme,
    name: input.name.trim(),
    nameEn: input.nameEn.trim(),
    regionCode: input.regionCode,
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    target: input.target ?? null,
    unit: input.unit.trim(),
    unitEn: input.unitEn.trim(),
    clause: input.clause.trim(),
    clauseText: input.clauseText.trim(),
    kind: input.kind,
    measureKey: input.kind === 'REPORTED' ? null : input.kind === 'CADENCE' ? 'events.completed' : (input.measureKey ?? null),
    params,
    sortOrder: input.sortOrder,
  };
}
type Columns = ReturnType<typeof columns>;

const auditable = (d: QuotaDefinition | Columns): Record<string, unknown> => ({
  programme: d.programme, name: d.name, nameEn: d.nameEn, regionCode: d.regionCode, periodStart: d.periodStart, periodEnd: d.periodEnd,
  target: d.target, unit: d.unit, clause: d.clause, kind: d.kind, measureKey: d.measureKey, params: d.params,
});

/** Quota definitions (admins) and the monthly reported figures (organizers of the region). */
@Injectable()
export class QuotaDefinitionsService {
  constructor(
    private readonly ds: DataSource,
    private readonly domainEvents: DomainEvents,
    private readonly measures: Measures,
  ) {}

  async get(id: string, manager?: EntityManager): Promise<QuotaDefinition> {
    const [row]: QuotaDefinition[] = await (manager ?? this.ds.manager).query(`${DEFINITION_SELECT} WHERE d.id = $1`, [id]);
    if (!row) throw notFound('QUOTA_NOT_FOUND');
    return row;
  }

  /** Definitions of regions overlapping a year, in display order. */
  async list(opts: { year?: number; regionCodes?: readonly string[] }): Promise<QuotaDefinition[]> {
    return this.ds.query(
      `${DEFINITION_SELECT}
        WHERE ($1::int IS NULL OR (d.period_start <= make_date($1, 12, 31) AND d.period_end >= make_date($1, 1, 1)))
          AND ($2::varchar[] IS NULL OR d.region_code = ANY($2::varchar[]))
        ORDER BY d.period_start, d.region_code = '${CITY_REGION_CODE}' DESC, d.region_code, d.sort_order, d.name`,
      [opts.year ?? null, opts.regionCodes ?? null],
    );
  }

  private check(c: Columns): void {
    const fields: Record<string, string> = {};
    if (!isCalendarDate(c.periodStart)) fields.periodStart = 'INVALID_DATE';
    if (!isCalendarDate(c.periodEnd)) fields.periodEnd = 'INVALID_DATE';
    if (!fields.periodStart && !fields.periodEnd && c.periodEnd < c.periodStart) fields.periodEnd = 'PERIOD_ENDS_BEFORE_START';
    if (!fields.periodStart && !fields.periodEnd && Number(c.periodEnd.slice(0, 4)) - Number(c.periodStart.slice(0, 4)) > 9) fields.periodEnd = 'PERIOD_TOO_LONG';
    if (c.kind === 'MEASURE' && !c.measureKey) fields.measureKey = 'MEASURE_REQUIRED';
    if (c.kind === 'MEASURE' && c.measureKey && !this.measures.has(c.measureKey) && !KNOWN_MEASURES.includes(c.measureKey)) fields.measureKey = 'UNKNOWN_MEASURE';
    if (Object.keys(fields).length) throw badInput({ reason: 'INVALID_QUOTA', message: 'The quota definition has errors' }, fields);
  }

  async create(input: QuotaDefinitionInput, actorId: string): Promise<QuotaDefinition> {
    const c = columns(input);
    this.check(c);
    return this.ds.transaction(async (m) => {
      const [row]: Array<{ id: string }> = await m.query(
        `INSERT INTO quota_definition (programme, name, name_en, region_code, period_start, period_end, target, unit, unit_en, clause, clause_text, kind, measure_key, params, sort_order, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
        [c.programme, c.name, c.nameEn, c.regionCode, c.periodStart, c.periodEnd, c.target, c.unit, c.unitEn, c.clause, c.clauseText, c.kind, c.measureKey, c.params, c.sortOrder, actorId],
      );
      await this.domainEvents.record(m, 'quota.created', {
        quotaId: row!.id, regionCode: c.regionCode, year: Number(c.periodStart.slice(0, 4)), programme: c.programme, name: c.name, target: c.target, values: auditable(c),
      });
      return this.get(row!.id, m);
    });
  }

  /** Optimistic lock on `version`: two admins editing the same definition cannot overwrite each other. */
  async update(id: string, version: number, input: QuotaDefinitionInput, actorId: string): Promise<QuotaDefinition> {
    const c = columns(input);
    this.check(c);
    return this.ds.transaction(async (m) => {
      const before = await this.get(id, m);
      const [rows]: [Array<{ id: string }>, number] = await m.query(
        `UPDATE quota_definition SET programme = $3, name = $4, name_en = $5, region_code = $6, period_start = $7, period_end = $8, target = $9,
            unit = $10, unit_en = $11, clause = $12, clause_text = $13, kind = $14, measure_key = $15, params = $16, sort_order = $17,
            updated_by = $18, updated_at = now(), version = version + 1
          WHERE id = $1 AND version = $2 RETURNING id`,
        [id, version, c.programme, c.name, c.nameEn, c.regionCode, c.periodStart, c.periodEnd, c.target, c.unit, c.unitEn, c.clause, c.clauseText, c.kind, c.measureKey, c.params, c.sortOrder, actorId],
      );
      if (!rows.length) throw conflict({ reason: 'QUOTA_CHANGED', message: 'Someone changed this quota since it was opened', params: { version: before.version } });
      await this.domainEvents.record(m, 'quota.updated', { quotaId: id, regionCode: c.regionCode, name: c.name, before: auditable(before), after: auditable(c) });
      return this.get(id, m);
    });
  }

  async delete(id: string): Promise<boolean> {
    return this.ds.transaction(async (m) => {
      const before = await this.get(id, m);
      await m.query(`DELETE FROM quota_definition WHERE id = $1`, [id]);
      await this.domainEvents.record(m, 'quota.deleted', { quotaId: id, regionCode: before.regionCode, name: before.name, values: auditable(before) });
      return true;
    });
  }

  async figures(quotaId: string): Promise<QuotaReportedFigureType[]> {
    return this.ds.query(
      `SELECT f.id, f.quota_id AS "quotaId", to_char(f.month, 'YYYY-MM') AS month, f.value::float8 AS value, f.source, f.note,
              u.display_name AS "enteredByName", f.entered_at AS "enteredAt"
         FROM quota_reported_figure f LEFT JOIN app_user u ON u.id = f.entered_by
        WHERE f.quota_id = $1 ORDER BY f.month`,
      [quotaId],
    );
  }

  /**
   * Enters (or replaces) the figure of a month. The month must lie in the quota's period; one figure
   * per (quota, month) is a unique key, so two organizers saving at once leave one row (the later one).
   */
  async report(def: QuotaDefinition, input: ReportQuotaFigureInput, actorId: string): Promise<QuotaReportedFigureType> {
    if (def.kind !== 'REPORTED') throw badInput({ reason: 'QUOTA_NOT_REPORTED', message: 'This quota is computed from records; it takes no reported figures' });
    const month = `${input.month}-01`;
    if (input.month < def.periodStart.slice(0, 7) || input.month > def.periodEnd.slice(0, 7)) {
      throw badInput({ reason: 'MONTH_OUTSIDE_PERIOD', message: 'The month is outside the quota period', params: { from: def.periodStart, to: def.periodEnd } }, { month: 'MONTH_OUTSIDE_PERIOD' });
    }
    return this.ds.transaction(async (m) => {
      const [previous]: Array<{ value: number }> = await m.query(`SELECT value::float8 AS value FROM quota_reported_figure WHERE quota_id = $1 AND month = $2 FOR UPDATE`, [def.id, month]);
      const [row]: Array<{ id: string }> = await m.query(
        `INSERT INTO quota_reported_figure (quota_id, month, value, source, note, entered_by) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (quota_id, month) DO UPDATE SET value = EXCLUDED.value, source = EXCLUDED.source, note = EXCLUDED.note,
           entered_by = EXCLUDED.entered_by, entered_at = now()
         RETURNING id`,
        [def.id, month, input.value, input.source.trim(), input.note.trim(), actorId],
      );
      await this.domainEvents.record(m, 'quota.figure-reported', {
        quotaId: def.id, regionCode: def.regionCode, name: def.name, month: input.month, value: input.value, previousValue: previous?.value ?? null, source: input.source.trim(),
      });
      const [figure]: QuotaReportedFigureType[] = await m.query(
        `SELECT f.id, f.quota_id AS "quotaId", to_char(f.month, 'YYYY-MM') AS month, f.value::float8 AS value, f.source, f.note,
                u.display_name AS "enteredByName", f.entered_at AS "enteredAt"
           FROM quota_reported_figure f LEFT JOIN app_user u ON u.id = f.entered_by WHERE f.id = $1`,
        [row!.id],
      );
      return figure!;
    });
  }
}

/** The measure keys of the seam (common/measures): a definition may name one before its capability lands (it shows 0). */
export const KNOWN_MEASURES = [
  'events.completed',
  'attendance.unique',
  'attendance.participations',
  'mentors.pool',
  'mentors.confirmedSessions',
  'broadcasts.count',
  'broadcasts.viewers',
];
