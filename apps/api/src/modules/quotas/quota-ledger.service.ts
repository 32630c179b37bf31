import { Injectable, type OnModuleInit } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { daysBetween, EVENT_SUBTYPE_LABELS, EVENT_TYPE_LABELS, isCalendarDate, LINYI_REGIONS, shanghaiDateOf, type EventType, type QuotaPeriod } from '@leye/domain';
import { badInput, notFound } from '../../common/errors/app-error.js';
import { JobQueue } from '../../common/jobs/job-queue.service.js';
import { newWorkbook, workbookBuffer } from '../../common/spreadsheets/workbook.js';
import { QuotaEventsService } from './quota-events.service.js';
import { DEFINITION_SELECT, type QuotaDefinition } from './quota-definitions.service.js';
import { QuotaProgressService } from './quota-progress.service.js';
import type { LedgerExportStatus, QuotaLedgerExportType, QuotaProgressType, RequestLedgerInput } from './quota.types.js';

export const LEDGER_QUEUE = 'quotas.ledger-export';
const MAX_LEDGER_DAYS = 3660;

const PROGRAMME_LABELS: Record<string, string> = {
  JOB_FAIRS: '专场招聘洽谈会',
  CAMPUS_RECRUITING: '名校引才活动',
  ENTREPRENEURSHIP: '创业促进活动',
  LIVESTREAM: '直播带岗',
  MENTOR_POOL: '创业导师库',
  TRAINING: '职业技能培训',
  EMPLOYMENT: '就业指标（上报）',
};
const STATUS_LABELS: Record<string, string> = { ON_TRACK: '正常', AT_RISK: '有风险', BEHIND: '滞后', NO_TARGET: '仅统计' };

export interface LedgerExportRow {
  id: string;
  requestedBy: string;
  regionCode: string;
  from: string;
  to: string;
  status: LedgerExportStatus;
  progress: number;
  filename: string | null;
  error: string | null;
  createdAt: Date;
}

const EXPORT_SELECT = `SELECT id, requested_by AS "requestedBy", region_code AS "regionCode", to_char(period_from, 'YYYY-MM-DD') AS "from",
    to_char(period_to, 'YYYY-MM-DD') AS "to", status, progress, filename, error, created_at AS "createdAt" FROM quota_ledger_export`;

export const toLedgerExportType = (r: LedgerExportRow): QuotaLedgerExportType => ({
  id: r.id, regionCode: r.regionCode, from: r.from, to: r.to, status: r.status, progress: r.progress, filename: r.filename, error: r.error, createdAt: r.createdAt,
  downloadUrl: r.status === 'DONE' ? `/exports/ledgers/${r.id}` : null,
});

/**
 * Ledgers (台账): an Excel workbook laid out like a government ledger, built on the job queue. The
 * export's state (queued, running with progress, done with the file, failed) lives in
 * `quota_ledger_export`, so a restarted API finds the job (pg-boss re-delivers it) and the file.
 */
@Injectable()
export class QuotaLedgerService implements OnModuleInit {
  constructor(
    private readonly ds: DataSource,
    private readonly queue: JobQueue,
    private readonly progress: QuotaProgressService,
    private readonly events: QuotaEventsService,
  ) {}

  onModuleInit(): void {
    this.queue.register<{ exportId: string }>(LEDGER_QUEUE, (data) => this.build(data.exportId), { retryLimit: 2 });
  }

  async get(id: string): Promise<LedgerExportRow> {
    const [row]: LedgerExportRow[] = await this.ds.query(`${EXPORT_SELECT} WHERE id = $1`, [id]);
    if (!row) throw notFound('LEDGER_EXPORT_NOT_FOUND');
    return row;
  }

  async mine(userId: string): Promise<LedgerExportRow[]> {
    return this.ds.query(`${EXPORT_SELECT} WHERE requested_by = $1 ORDER BY created_at DESC LIMIT 10`, [userId]);
  }

  async file(id: string): Promise<{ filename: string; content: Buffer } | null> {
    const [row]: Array<{ filename: string; content: Buffer }> = await this.ds.query(`SELECT filename, content FROM quota_ledger_export WHERE id = $1 AND status = 'DONE'`, [id]);
    return row ?? null;
  }

  /** Records the export and its job in one transaction: the job exists if and only if the row does. */
  async request(input: RequestLedgerInput, userId: string): Promise<LedgerExportRow> {
    const fields: Record<string, string> = {};
    if (!isCalendarDate(input.from)) fields.from = 'INVALID_DATE';
    if (!isCalendarDate(input.to)) fields.to = 'INVALID_DATE';
    if (!Object.keys(fields).length && input.to < input.from) fields.to = 'PERIOD_ENDS_BEFORE_START';
    if (!Object.keys(fields).length && daysBetween(input.from, input.to) > MAX_LEDGER_DAYS) fields.to = 'PERIOD_TOO_LONG';
    if (Object.keys(fields).length) throw badInput({ reason: 'INVALID_LEDGER_PERIOD', message: 'The ledger period is not valid' }, fields);
    const id = await this.ds.transaction(async (m) => {
      const [row]: Array<{ id: string }> = await m.query(
        `INSERT INTO quota_ledger_export (requested_by, region_code, period_from, period_to) VALUES ($1, $2, $3, $4) RETURNING id`,
        [userId, input.regionCode, input.from, input.to],
      );
      await this.queue.send(LEDGER_QUEUE, { exportId: row!.id }, m);
      return row!.id;
    });
    return this.get(id);
  }

  private async setProgress(id: string, progress: number): Promise<void> {
    await this.ds.query(`UPDATE quota_ledger_export SET progress = $2 WHERE id = $1 AND status = 'RUNNING'`, [id, Math.min(99, Math.round(progress))]);
  }

  /** The job: builds the workbook, reporting progress; a finished export is left alone (re-delivery after a restart). */
  async build(id: string, now: Date = new Date()): Promise<void> {
    const [claimed]: [Array<{ id: string }>, number] = await this.ds.query(
      `UPDATE quota_ledger_export SET status = 'RUNNING', progress = 0 WHERE id = $1 AND status IN ('QUEUED', 'RUNNING') RETURNING id`,
      [id],
    );
    if (!claimed.length) return;
    const exp = await this.get(id);
    try {
      const { buffer, filename } = await this.workbook(exp, now, (p) => this.setProgress(id, p));
      await this.ds.query(
        `UPDATE quota_ledger_export SET status = 'DONE', progress = 100, content = $2, filename = $3, finished_at = now() WHERE id = $1`,
        [id, buffer, filename],
      );
    } catch (error) {
      await this.ds.query(`UPDATE quota_ledger_export SET status = 'FAILED', error = $2, finished_at = now() WHERE id = $1`, [id, (error as Error).message.slice(0, 500)]);
      throw error;
    }
  }

  /** Definitions overlapping the period for the region (a county also gets the city's computed quotas, counted over its records). */
  private async definitions(regionCode: string, period: QuotaPeriod): Promise<Array<{ def: QuotaDefinition; inherited: boolean }>> {
    const years = new Set<number>();
    for (let y = Number(period.start.slice(0, 4)); y <= Number(period.end.slice(0, 4)); y++) years.add(y);
    const out: Array<{ def: QuotaDefinition; inherited: boolean }> = [];
    for (const y of years) {
      for (const d of await this.progress.dashboardDefinitions(y, regionCode)) {
        if (d.def.periodStart <= period.end && d.def.periodEnd >= period.start && !out.some((o) => o.def.id === d.def.id)) out.push(d);
      }
    }
    return out;
  }

  async workbook(exp: Pick<LedgerExportRow, 'regionCode' | 'from' | 'to'>, now: Date, onProgress: (p: number) => Promise<void> = async () => {}): Promise<{ buffer: Buffer; filename: string }> {
    const region = LINYI_REGIONS.find((r) => r.code === exp.regionCode)!;
    const period: QuotaPeriod = { start: exp.from, end: exp.to };
    const defs = await this.definitions(exp.regionCode, period);
    const today = shanghaiDateOf(now);
    const unit = `${region.name}人力资源和社会保障局`;
    const wb = newWorkbook();
    wb.created = now;

    const summary = wb.addWorksheet('指标完成情况');
    const progresses: Array<{ def: QuotaDefinition; p: QuotaProgressType }> = [];
    for (const [i, { def, inherited }] of defs.entries()) {
      const clipped = { start: def.periodStart > period.start ? def.periodStart : period.start, end: def.periodEnd < period.end ? def.periodEnd : period.end };
      progresses.push({ def, p: await this.progress.progress(def, exp.regionCode, now, { inherited, period: clipped }) });
      await onProgress(((i + 1) / Math.max(1, defs.length)) * 30);
    }
    const headers = ['序号', '项目', '指标', '依据条款', '计量单位', '目标值', '完成值', '完成率(%)', '时间进度(%)', '剩余月均需完成', '年末预计', '状态', '数据来源'];
    ledgerHeader(summary, `${region.name}就业促进重点指标完成情况台账`, unit, today, period, headers.length);
    styleHeader(summary.addRow(headers));
    progresses.forEach(({ def, p }, i) => {
      summary.addRow([
        i + 1, PROGRAMME_LABELS[def.programme], def.name, def.clause, def.kind === 'CADENCE' ? '周/月（达标数）' : def.unit, p.target ?? '—', p.actual,
        p.percent ?? '—', p.elapsedPercent, p.paceNeededPerMonth ?? '—', p.projection, STATUS_LABELS[p.status],
        def.kind === 'REPORTED' ? '上报数据（人工填报）' : p.provided ? '平台记录自动统计' : '平台记录自动统计（暂无数据源）',
      ]);
    });
    summary.columns.forEach((c, i) => (c.width = [6, 16, 26, 12, 10, 10, 10, 10, 11, 14, 10, 8, 22][i]));
    footer(summary, headers.length);

    // One sheet per programme whose quotas are made of events: every event counted, with its attendance.
    const byProgramme = new Map<string, Array<{ def: QuotaDefinition; p: QuotaProgressType }>>();
    for (const item of progresses) if (item.p.hasEvents) byProgramme.set(item.def.programme, [...(byProgramme.get(item.def.programme) ?? []), item]);
    let done = 0;
    for (const [programme, items] of byProgramme) {
      const ids = new Set<string>();
      for (const { def } of items) {
        const clipped = { start: def.periodStart > period.start ? def.periodStart : period.start, end: def.periodEnd < period.end ? def.periodEnd : period.end };
        for (const id of await this.events.eventIds(def, exp.regionCode, { period: clipped })) ids.add(id);
      }
      const rows = await this.events.rows([...ids], items[0]!.def.params);
      rows.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id.localeCompare(b.id));
      const ws = wb.addWorksheet(PROGRAMME_LABELS[programme]!.slice(0, 31));
      const cols = ['序号', '日期', '活动名称', '类别', '场地', '所属区县', '联合主办单位', '入场人数(人)', '参与人次(人次)'];
      ledgerHeader(ws, `${region.name}${PROGRAMME_LABELS[programme]}活动台账`, unit, today, period, cols.length);
      styleHeader(ws.addRow(cols));
      rows.forEach((r, i) => {
        ws.addRow([
          i + 1, shanghaiDateOf(r.startsAt), r.title, `${EVENT_TYPE_LABELS[r.type as EventType]?.zh ?? r.type} / ${EVENT_SUBTYPE_LABELS[r.subtype]?.zh ?? r.subtype}`,
          r.venueName ?? '线上', r.regionName, r.coHosts.join('、'), r.attendees, r.participations,
        ]);
      });
      const total = ws.addRow(['合计', `${rows.length} 场`, '', '', '', '', '', rows.reduce((s, r) => s + r.attendees, 0), rows.reduce((s, r) => s + r.participations, 0)]);
      total.font = { bold: true };
      ws.columns.forEach((c, i) => (c.width = [6, 12, 36, 22, 24, 14, 30, 12, 14][i]));
      footer(ws, cols.length);
      done += 1;
      await onProgress(30 + (done / byProgramme.size) * 60);
    }

    // Reported figures, marked as such, month by month with their source.
    const reported = progresses.filter(({ def }) => def.kind === 'REPORTED');
    if (reported.length) {
      const ws = wb.addWorksheet('上报数据');
      const cols = ['序号', '指标', '月份', '数值', '计量单位', '数据来源', '备注', '填报人', '填报时间'];
      ledgerHeader(ws, `${region.name}就业指标上报数据（非平台统计）`, unit, today, period, cols.length);
      styleHeader(ws.addRow(cols));
      let n = 0;
      for (const { def } of reported) {
        const figures: Array<{ month: string; value: number; source: string; note: string; name: string | null; at: Date }> = await this.ds.query(
          `SELECT to_char(f.month, 'YYYY-MM') AS month, f.value::float8 AS value, f.source, f.note, u.display_name AS name, f.entered_at AS at
             FROM quota_reported_figure f LEFT JOIN app_user u ON u.id = f.entered_by
            WHERE f.quota_id = $1 AND f.month BETWEEN date_trunc('month', $2::date) AND $3::date ORDER BY f.month`,
          [def.id, period.start, period.end],
        );
        for (const f of figures) ws.addRow([++n, def.name, f.month, f.value, def.unit, f.source, f.note, f.name ?? '', shanghaiDateOf(f.at)]);
      }
      ws.columns.forEach((c, i) => (c.width = [6, 28, 10, 12, 10, 30, 24, 12, 12][i]));
      footer(ws, cols.length);
    }
    await onProgress(95);
    const buffer = await workbookBuffer(wb);
    return { buffer, filename: `ledger-${exp.regionCode}-${exp.from}-${exp.to}.xlsx` };
  }

  /** Definitions of a region overlapping a period (for tests and tools). */
  async definitionsOf(regionCode: string, from: string, to: string): Promise<QuotaDefinition[]> {
    return this.ds.query(`${DEFINITION_SELECT} WHERE d.region_code = $1 AND d.period_start <= $3 AND d.period_end >= $2`, [regionCode, from, to]);
  }
}

/** Title row, reporting unit (填报单位), date and period: the head of a government ledger. */
function ledgerHeader(ws: ExcelJS.Worksheet, title: string, unit: string, today: string, period: QuotaPeriod, width: number): void {
  const t = ws.addRow([title]);
  ws.mergeCells(t.number, 1, t.number, width);
  t.font = { bold: true, size: 16 };
  t.alignment = { horizontal: 'center' };
  t.height = 28;
  const info = ws.addRow([`填报单位：${unit}`]);
  ws.mergeCells(info.number, 1, info.number, Math.ceil(width / 2));
  info.getCell(Math.ceil(width / 2) + 1).value = `填报日期：${today}`;
  ws.addRow([`统计期间：${period.start} 至 ${period.end}`]);
}

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  row.eachCell((c) => {
    c.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  });
}

function footer(ws: ExcelJS.Worksheet, width: number): void {
  ws.addRow([]);
  const f = ws.addRow(['填报人：', '', '', '审核人：', '', '', '单位负责人：']);
  f.font = { italic: true };
  void width;
}
