import { addTableSheet, newWorkbook, workbookBuffer } from '../../common/spreadsheets/workbook.js';
import { formatShanghai } from '../../common/time.js';
import type { BroadcastFunnelType, BroadcastStatsType } from './broadcast.types.js';
import type { BroadcastRow } from './broadcasts.service.js';

const pct = (x: number) => Math.round(x * 10000) / 100;

/** After-broadcast figures as Excel (Chinese headers, like the other exports): a summary sheet and one row per card. */
export async function broadcastStatsWorkbook(row: BroadcastRow, stats: BroadcastStatsType, funnel: BroadcastFunnelType): Promise<Buffer> {
  const wb = newWorkbook();
  const summary: Array<[string, string | number]> = [
    ['直播标题', row.title],
    ['状态', { SCHEDULED: '未开始', LIVE: '直播中', ENDED: '已结束' }[row.status]],
    ['开始时间', row.startedAt ? formatShanghai(new Date(row.startedAt)) : ''],
    ['结束时间', row.endedAt ? formatShanghai(new Date(row.endedAt)) : ''],
    ['最高同时在线', stats.peakViewers],
    ['观看人数（去重）', stats.uniqueViewers],
    ['观看时长（分钟）', stats.watchMinutes],
    ['岗位曝光', stats.impressions],
    ['投递', stats.applications],
    ['面试', funnel.total.interviews],
    ['录用', funnel.total.hires],
    ['转化率（%）', pct(stats.conversion)],
  ];
  addTableSheet(
    wb,
    '直播概况',
    [
      { header: '项目', key: 'k', width: 18 },
      { header: '数值', key: 'v', width: 40 },
    ],
    summary.map(([k, v]) => ({ k, v })),
  );
  const byCard = new Map(funnel.cards.map((c) => [c.cardId, c.funnel]));
  addTableSheet(
    wb,
    '岗位卡片',
    [
      { header: '序号', key: 'n', width: 6 },
      { header: '岗位', key: 'title', width: 30 },
      { header: '用人单位', key: 'employer', width: 36 },
      { header: '展示次数', key: 'shown', width: 10 },
      { header: '曝光', key: 'impressions', width: 10 },
      { header: '投递', key: 'applications', width: 10 },
      { header: '面试', key: 'interviews', width: 10 },
      { header: '录用', key: 'hires', width: 10 },
      { header: '转化率（%）', key: 'conversion', width: 12 },
    ],
    stats.cards.map((c, i) => ({
      n: i + 1,
      title: c.postingTitle,
      employer: c.employerName,
      shown: c.shownCount,
      impressions: c.impressions,
      applications: c.applications,
      interviews: byCard.get(c.cardId)?.interviews ?? 0,
      hires: byCard.get(c.cardId)?.hires ?? 0,
      conversion: pct(c.conversion),
    })),
  );
  return workbookBuffer(wb);
}
