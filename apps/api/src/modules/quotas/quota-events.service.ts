import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { lastDayOfMonth, type QuotaPeriod } from '@leye/domain';
import { Measures } from '../../common/measures/measures.js';
import { isEventFilter } from './event-filter.sql.js';
import type { QuotaDefinition } from './quota-definitions.service.js';
import { periodOf, scopeOf } from './quota-progress.service.js';
import type { QuotaEventType } from './quota.types.js';

/** What a quota's events are: the events its measure counts (events.completed), or for attendance the completed events of its filter. */
const EVENTS_MEASURE = 'events.completed';

export interface LedgerEventRow extends QuotaEventType {
  venueAddress: string | null;
}

/** The events behind a number (click-through) and the ledger's event sheets. */
@Injectable()
export class QuotaEventsService {
  constructor(
    private readonly ds: DataSource,
    private readonly measures: Measures,
  ) {}

  /** Ids of the events behind a quota's figure for a region (and optionally one month or one day), in date order. */
  async eventIds(def: QuotaDefinition, regionCode: string, narrow: { month?: string; date?: string; period?: QuotaPeriod } = {}): Promise<string[]> {
    if (def.kind === 'REPORTED' || !isEventFilter(def.params)) return [];
    let period = narrow.period ?? periodOf(def);
    if (narrow.month) period = clip(period, { start: `${narrow.month}-01`, end: lastDayOfMonth(narrow.month) });
    if (narrow.date) period = clip(period, { start: narrow.date, end: narrow.date });
    if (period.start > period.end) return [];
    const scope = scopeOf(def, regionCode, period);
    // Attendance figures are made of the attendance of these same completed events: one list for all event measures.
    const key = this.measures.get(def.measureKey!)?.eventIds ? def.measureKey! : EVENTS_MEASURE;
    return this.measures.eventIds(key, scope);
  }

  /**
   * Per-event figures of a measure: the provider's `perEvent` when it has one; otherwise the measure
   * evaluated over each event's own scope (its start instant, region, type and subtype) — one query per
   * event, used for a page of the click-through list and by the ledger job. Two events of the same type
   * and subtype starting at the same instant in the same region would each show their sum.
   */
  private async perEvent(key: string, rows: readonly EventKey[]): Promise<Map<string, number>> {
    const provider = this.measures.get(key);
    if (!provider || !rows.length) return new Map();
    if (provider.perEvent) return provider.perEvent(rows.map((r) => r.id), {});
    const out = new Map<string, number>();
    for (const r of rows) {
      const at = new Date(r.startsAt);
      const figures = await provider.evaluate({ from: at, to: new Date(at.getTime() + 1), regionCodes: [r.regionCode], params: { types: [r.type], subtypes: [r.subtype] } });
      out.set(r.id, figures.total);
    }
    return out;
  }

  /** Event rows with region, venue, co-hosts and attendance figures, in the order of `ids`. */
  async rows(ids: readonly string[], params: QuotaDefinition['params'] = {}): Promise<LedgerEventRow[]> {
    if (!ids.length) return [];
    const rows: Array<Omit<LedgerEventRow, 'attendees' | 'participations'>> = await this.ds.query(
      `SELECT e.id, e.title, e.type, e.subtype, e.status, e.starts_at AS "startsAt", e.region_code AS "regionCode", r.name AS "regionName",
              v.name AS "venueName", v.address AS "venueAddress",
              coalesce((SELECT array_agg(b.name ORDER BY b.name) FROM event_co_host c JOIN co_host_body b ON b.id = c.co_host_id WHERE c.event_id = e.id), '{}') AS "coHosts"
         FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, n)
         JOIN event e ON e.id = t.id JOIN region r ON r.code = e.region_code LEFT JOIN venue v ON v.id = e.venue_id
        ORDER BY t.n`,
      [ids],
    );
    const [unique, participations] = await Promise.all([this.perEvent('attendance.unique', rows), this.perEvent('attendance.participations', rows)]);
    void params;
    return rows.map((r) => ({ ...r, attendees: unique.get(r.id) ?? 0, participations: participations.get(r.id) ?? 0 }));
  }
}

/** A row's own scope: its start instant, its region, its type and subtype. */
type EventKey = { id: string; startsAt: Date; regionCode: string; type: string; subtype: string };

function clip(a: QuotaPeriod, b: QuotaPeriod): QuotaPeriod {
  return { start: a.start > b.start ? a.start : b.start, end: a.end < b.end ? a.end : b.end };
}

