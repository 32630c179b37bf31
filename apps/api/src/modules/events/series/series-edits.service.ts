import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../../common/auth/actor.js';
import { DomainEvents } from '../../../common/domain-events/domain-events.service.js';
import { notFound } from '../../../common/errors/app-error.js';
import { EditScope } from '../event.enums.js';
import { addDays } from '../../../common/time.js';
import { EventCoHosts } from '../co-hosts/event-co-hosts.service.js';
import type { EventUpdateInput } from '../dtos/event.inputs.js';
import { EventChecks, describeChanges, placeOf } from '../event-checks.service.js';
import { EventEntity } from '../event.entity.js';
import { EventErrors } from '../event.exception.js';
import { detailsOf, insertSeries, templateOf } from '../event-writer.js';
import '../event.domain-events.js';
import { EventSeriesEntity } from './event-series.entity.js';

/**
 * Series-wide edits: "this and the following" (the series is split at the clicked occurrence) and
 * "all". They change the series template and the occurrences that still follow it.
 */
@Injectable()
export class SeriesEditsService {
  constructor(
    private readonly ds: DataSource,
    private readonly domainEvents: DomainEvents,
    private readonly checks: EventChecks,
    private readonly coHosts: EventCoHosts,
  ) {}

  async update(actor: Actor, event: EventEntity, input: EventUpdateInput, scope: EditScope.ALL | EditScope.THIS_AND_FOLLOWING): Promise<EventEntity[]> {
    if (event.status === 'CANCELLED' || event.status === 'COMPLETED') throw EventErrors.notEditable(event.status);
    if (!event.seriesId) throw EventErrors.notInSeries();
    // A series-wide edit starts from the series template, never from the occurrence that was clicked.
    const base = await this.seriesTemplate(event.seriesId);
    const place = placeOf(input, base);
    await this.checks.validateTemplate({ type: event.type, subtype: input.subtype ?? base.subtype, coHostIds: input.coHostIds, details: input.details, ...place });
    const changed = describeChanges(input);

    // Only the template columns the organizer sent change, on the series and on the occurrences that follow it.
    const columns: Array<[column: string, value: unknown]> = [];
    if (input.title !== undefined && input.title !== null) columns.push(['title', input.title.trim()]);
    if (input.description !== undefined && input.description !== null) columns.push(['description', input.description]);
    if (input.subtype) columns.push(['subtype', input.subtype]);
    if (input.details) columns.push(['details', detailsOf(input.details)]);
    if (input.venueId !== undefined || input.isOnline != null || input.onlineUrl !== undefined) {
      columns.push(['venue_id', place.venueId], ['is_online', place.isOnline], ['online_url', place.onlineUrl]);
    }
    if (input.capacity != null) columns.push(['capacity', place.capacity]);
    const retimed = !!input.startTime || !!input.durationMinutes;

    const targetIds = await this.ds.transaction(async (m) => {
      let seriesId = event.seriesId!;
      if (scope === EditScope.THIS_AND_FOLLOWING) seriesId = await this.splitSeries(m, seriesId, event.occurrenceKey!);
      await m.query(
        `UPDATE event_series SET ${columns.map(([c], i) => `${c} = $${i + 5}`).join(', ')}${columns.length ? ',' : ''}
                start_time = coalesce($2::time, start_time), duration_minutes = coalesce($3, duration_minutes),
                co_host_ids = coalesce($4::uuid[], co_host_ids), updated_at = now()
          WHERE id = $1`,
        [seriesId, input.startTime ?? null, input.durationMinutes ?? null, input.coHostIds ?? null, ...columns.map(([, v]) => v)],
      );
      // Occurrences that follow the series: not edited on their own, not over, not cancelled.
      const rows: Array<{ id: string }> = await m.query(
        `SELECT id FROM event WHERE series_id = $1 AND NOT detached AND status IN ('DRAFT','PUBLISHED')
            AND ($2::date IS NULL OR occurrence_key >= $2::date) AND ends_at > now() FOR UPDATE`,
        [seriesId, scope === EditScope.ALL ? null : event.occurrenceKey],
      );
      const ids = rows.map((r) => r.id);
      if (!ids.length) return ids;
      const sets = columns.map(([c]) => `${c} = s.${c}`);
      if (retimed) {
        sets.push(
          `starts_at = ((e.starts_at AT TIME ZONE 'Asia/Shanghai')::date + s.start_time) AT TIME ZONE 'Asia/Shanghai'`,
          `ends_at = ((e.starts_at AT TIME ZONE 'Asia/Shanghai')::date + s.start_time) AT TIME ZONE 'Asia/Shanghai' + make_interval(mins => s.duration_minutes)`,
        );
      }
      await this.checks.guardVenue(place.venueId, null, () =>
        m.query(`UPDATE event e SET ${[...sets, 'updated_at = now()'].join(', ')} FROM event_series s WHERE s.id = e.series_id AND e.id = ANY($1::uuid[])`, [ids]),
        actor,
      );
      if (input.coHostIds) await this.coHosts.set(m, ids, input.coHostIds);
      await this.domainEvents.record(m, 'event.updated', { eventIds: ids, regionCode: event.regionCode, changed }, { actor });
      return ids;
    });
    const updated = targetIds.length ? await this.ds.getRepository(EventEntity).find({ where: targetIds.map((tid) => ({ id: tid })), order: { startsAt: 'ASC' } }) : [];
    return updated;
  }

  private async seriesTemplate(seriesId: string): Promise<Pick<EventEntity, 'venueId' | 'isOnline' | 'onlineUrl' | 'capacity' | 'subtype'>> {
    const [row]: Array<Pick<EventEntity, 'venueId' | 'isOnline' | 'onlineUrl' | 'capacity' | 'subtype'>> = await this.ds.query(
      `SELECT venue_id AS "venueId", is_online AS "isOnline", online_url AS "onlineUrl", capacity, subtype FROM event_series WHERE id = $1`,
      [seriesId],
    );
    if (!row) throw notFound('Event series');
    return row;
  }

  /** Ends the series the day before `fromKey` and continues it as a copy owning the later occurrences. */
  private async splitSeries(m: EntityManager, seriesId: string, fromKey: string): Promise<string> {
    const [first]: Array<{ n: number }> = await m.query(`SELECT count(*)::int AS n FROM event WHERE series_id = $1 AND occurrence_key < $2`, [seriesId, fromKey]);
    if (first!.n === 0) return seriesId; // nothing before: editing "this and following" is editing all
    const [source] = await m.getRepository(EventSeriesEntity).find({ where: { id: seriesId } });
    const copyId = await insertSeries(m, {
      ...templateOf(source!), coHostIds: source!.coHostIds, patternKind: source!.patternKind, rrule: source!.rrule, cadence: source!.cadence,
      startDate: fromKey, untilDate: source!.untilDate, startTime: source!.startTime, durationMinutes: source!.durationMinutes,
      holidayPolicy: source!.holidayPolicy, registrationOpensDays: source!.registrationOpensDays, publishOccurrences: source!.publishOccurrences,
      materializedUntil: source!.materializedUntil > fromKey ? source!.materializedUntil : fromKey, createdBy: source!.createdBy,
    });
    await m.query(`UPDATE event SET series_id = $2 WHERE series_id = $1 AND occurrence_key >= $3`, [seriesId, copyId, fromKey]);
    await m.query(`UPDATE event_series SET until_date = $2, materialized_until = least(materialized_until, $2), updated_at = now() WHERE id = $1`, [seriesId, addDays(fromKey, -1)]);
    return copyId;
  }
}
