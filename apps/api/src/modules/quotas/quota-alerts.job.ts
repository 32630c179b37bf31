import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { eachDate, peakWeekWithoutFair, shanghaiDateOf } from '@leye/domain';
import { ScheduledJob } from '../../common/jobs/scheduled-job.decorator.js';
import type { NotificationMessage } from '../notifications/notification-messages.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { HolidaysService } from '../holidays/holidays.service.js';
import { DEFINITION_SELECT, type QuotaDefinition } from './quota-definitions.service.js';
import { QuotaProgressService } from './quota-progress.service.js';

export type QuotaAlertKind = 'BEHIND_PACE' | 'PEAK_WEEK_NO_FAIR';

interface PendingAlert {
  id: string;
  kind: QuotaAlertKind;
  periodKey: string;
  regionCode: string;
  name: string;
  nameEn: string;
  details: Record<string, unknown>;
}

/**
 * Quota alerts (docs/quotas.md "Alerts"): a programme behind pace (once per quota and month), a peak
 * week without a fair scheduled by its Wednesday (once per quota and ISO week). The row in
 * `quota_alert` (unique on quota, kind, period key) is the memory of what was sent, so any process may
 * evaluate, as often as it likes, and each alert is raised once; notices are keyed on the alert's id,
 * so a retried delivery writes none twice.
 */
@Injectable()
export class QuotaAlertsJob {
  private readonly logger = new Logger(QuotaAlertsJob.name);

  constructor(
    private readonly ds: DataSource,
    private readonly progress: QuotaProgressService,
    private readonly holidays: HolidaysService,
    private readonly notifications: NotificationsService,
  ) {}

  @ScheduledJob({ name: 'quotas.evaluate-alerts', cron: '20 * * * *' })
  async evaluate(now: Date = new Date()): Promise<{ raised: number; notified: number }> {
    const today = shanghaiDateOf(now);
    const defs: QuotaDefinition[] = await this.ds.query(`${DEFINITION_SELECT} WHERE d.period_start <= $1::date AND d.period_end >= $1::date`, [today]);
    let raised = 0;
    for (const def of defs) {
      try {
        if (def.kind === 'CADENCE') raised += await this.peakWeek(def, today);
        const p = await this.progress.progress(def, def.regionCode, now);
        // A measure nobody provides yet reads 0: not an alert about the programme.
        if (p.status === 'BEHIND' && p.provided) {
          raised += await this.raise(def, 'BEHIND_PACE', today.slice(0, 7), {
            actual: p.actual, target: p.target, expectedByNow: p.expectedByNow, paceNeededPerMonth: p.paceNeededPerMonth,
            missedPeakWeeks: p.cadence?.missedPeakWeeks ?? [], missedOffSeasonMonths: p.cadence?.missedOffSeasonMonths ?? [],
          });
        }
      } catch (error) {
        this.logger.error(`quota ${def.id}: ${(error as Error).message}`);
      }
    }
    return { raised, notified: await this.deliver() };
  }

  private async peakWeek(def: QuotaDefinition, today: string): Promise<number> {
    const year = Number(today.slice(0, 4));
    const c = await this.progress.cadence(def, def.regionCode, { start: `${year}-01-01`, end: `${year}-12-31` }, new Date(`${today}T12:00:00+08:00`));
    const days = eachDate(c.type.firstDay, `${year}-12-31`);
    const scheduled = days.flatMap((date, i) => Array<string>((c.type.heldByDay[i] ?? 0) + (c.type.scheduledByDay[i] ?? 0)).fill(date));
    const { ranges } = await this.holidays.peakSeasons(year, def.regionCode);
    const week = peakWeekWithoutFair(today, scheduled, { year, peakRanges: ranges, cal: await this.holidays.calendarFor([year]) });
    return week ? this.raise(def, 'PEAK_WEEK_NO_FAIR', week.week, { start: week.start, end: week.end }) : 0;
  }

  private async raise(def: QuotaDefinition, kind: QuotaAlertKind, periodKey: string, details: Record<string, unknown>): Promise<number> {
    const rows: unknown[] = await this.ds.query(
      `INSERT INTO quota_alert (quota_id, kind, period_key, region_code, details) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (quota_id, kind, period_key) DO NOTHING RETURNING id`,
      [def.id, kind, periodKey, def.regionCode, details],
    );
    return rows.length;
  }

  /** Posts every alert not yet delivered to the organizers of its region, then marks it delivered. */
  private async deliver(): Promise<number> {
    const pending: PendingAlert[] = await this.ds.query(
      `SELECT a.id, a.kind, a.period_key AS "periodKey", a.region_code AS "regionCode", d.name, d.name_en AS "nameEn", a.details
         FROM quota_alert a JOIN quota_definition d ON d.id = a.quota_id WHERE a.notified_at IS NULL ORDER BY a.created_at LIMIT 500`,
    );
    let notified = 0;
    for (const alert of pending) {
      const users: Array<{ id: string }> = await this.ds.query(
        `SELECT id FROM app_user WHERE role = 'ORGANIZER' AND region_code = $1 AND disabled_at IS NULL`,
        [alert.regionCode],
      );
      notified += await this.notifications.postForEvent(alert.id, users.map((u) => u.id), alertMessage(alert));
      await this.ds.query(`UPDATE quota_alert SET notified_at = now() WHERE id = $1`, [alert.id]);
    }
    return notified;
  }
}

export function alertMessage(a: Pick<PendingAlert, 'id' | 'kind' | 'periodKey' | 'name' | 'nameEn' | 'details' | 'regionCode'>): NotificationMessage {
  const d = a.details as { actual?: number; target?: number; paceNeededPerMonth?: number | null; start?: string; end?: string };
  if (a.kind === 'PEAK_WEEK_NO_FAIR') {
    return {
      kind: 'QUOTA_PEAK_WEEK_NO_FAIR',
      zh: { title: `用工旺季本周（${d.start} 至 ${d.end}）尚未安排专场招聘会`, body: `「${a.name}」要求用工旺季每周至少 1 场专场招聘洽谈会（措施第（八）条），本周到周三仍未安排。` },
      en: { title: `No job fair scheduled this peak week (${d.start} – ${d.end})`, body: `"${a.nameEn}" needs at least one fair every peak-season week (clause 8); none is scheduled by Wednesday.` },
      link: `/organizer/quotas?region=${a.regionCode}`,
      data: { alertId: a.id, week: a.periodKey },
    };
  }
  const pace = d.paceNeededPerMonth == null ? '' : `，余下每月需完成 ${d.paceNeededPerMonth}`;
  const paceEn = d.paceNeededPerMonth == null ? '' : `; ${d.paceNeededPerMonth} a month are needed from now on`;
  return {
    kind: 'QUOTA_BEHIND_PACE',
    zh: { title: `「${a.name}」进度落后`, body: `目前完成 ${d.actual ?? 0}${d.target != null ? ` / ${d.target}` : ''}，落后于时间进度${pace}。` },
    en: { title: `"${a.nameEn}" is behind pace`, body: `${d.actual ?? 0}${d.target != null ? ` of ${d.target}` : ''} done so far, behind the time elapsed${paceEn}.` },
    link: `/organizer/quotas?region=${a.regionCode}`,
    data: { alertId: a.id, month: a.periodKey },
  };
}
