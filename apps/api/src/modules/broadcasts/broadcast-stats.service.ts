import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { liveRoom, maskApplicantName } from '@leye/domain';
import { Presence } from '../../common/realtime/presence.js';
import {
  BroadcastApplicationPage,
  BroadcastApplicationType,
  BroadcastCardFunnelType,
  BroadcastCardStatsType,
  BroadcastFunnelCountsType,
  BroadcastFunnelType,
  BroadcastStatsType,
} from './broadcast.types.js';
import type { BroadcastRow } from './broadcasts.service.js';

interface CardFigures {
  cardId: string;
  postingId: string;
  postingTitle: string;
  employerName: string;
  shownCount: number;
  impressions: number;
  applications: number;
  interviews: number;
  hires: number;
}

type FunnelCounts = { impressions: number; applications: number; interviews: number; hires: number };

/**
 * The funnel totals of several broadcasts in one grouped statement, in the order of `broadcastIds` (zeros for a
 * broadcast without figures). Applications credited to a broadcast without a card (a card removed since) count here.
 * Used for one broadcast (`cardFigures`) and by the per-request loader of a list's `funnelTotal` fields.
 */
export async function funnelTotals(ds: Pick<DataSource, 'query'>, broadcastIds: readonly string[]): Promise<Array<FunnelCounts & { broadcastId: string }>> {
  const rows: Array<FunnelCounts & { broadcastId: string }> = await ds.query(
    `WITH imp AS (SELECT c.broadcast_id AS id, count(*)::int AS n FROM broadcast_card_impression i JOIN broadcast_card c ON c.id = i.card_id
                   WHERE c.broadcast_id = ANY($1::uuid[]) GROUP BY c.broadcast_id),
          app AS (SELECT a.broadcast_id AS id, count(*)::int AS applications, count(a.interview_at)::int AS interviews, count(a.hired_at)::int AS hires
                    FROM job_application a WHERE a.broadcast_id = ANY($1::uuid[]) GROUP BY a.broadcast_id)
     SELECT ids.id AS "broadcastId", coalesce(imp.n, 0) AS impressions, coalesce(app.applications, 0) AS applications,
            coalesce(app.interviews, 0) AS interviews, coalesce(app.hires, 0) AS hires
       FROM unnest($1::uuid[]) AS ids(id) LEFT JOIN imp ON imp.id = ids.id LEFT JOIN app ON app.id = ids.id`,
    [[...broadcastIds]],
  );
  const byId = new Map(rows.map((r) => [r.broadcastId, r]));
  return broadcastIds.map((id) => byId.get(id) ?? { broadcastId: id, impressions: 0, applications: 0, interviews: 0, hires: 0 });
}

/** The GraphQL object of funnel counts. */
export const funnelCounts = (f: FunnelCounts): BroadcastFunnelCountsType =>
  Object.assign(new BroadcastFunnelCountsType(), { impressions: f.impressions, applications: f.applications, interviews: f.interviews, hires: f.hires });

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10000) / 10000 : 0);

/** Figures of a broadcast: the funnel (impressions → applications → interviews → hires), viewers, the live feed. */
@Injectable()
export class BroadcastStatsService {
  constructor(
    private readonly ds: DataSource,
    private readonly presence: Presence,
  ) {}

  async applications(broadcastId: string, q: { take: number; skip: number }): Promise<BroadcastApplicationPage> {
    const [{ total }] = await this.ds.query(`SELECT count(*)::int AS total FROM job_application WHERE broadcast_id = $1`, [broadcastId]);
    const rows: Array<BroadcastApplicationType> = await this.ds.query(
      `SELECT a.id, a.broadcast_card_id AS "cardId", a.posting_id AS "postingId", p.title AS "postingTitle", e.name AS "employerName",
              a.applicant_name AS "applicantName", a.status, a.submitted_at AS "submittedAt"
         FROM job_application a JOIN job_posting p ON p.id = a.posting_id JOIN employer e ON e.id = a.employer_id
        WHERE a.broadcast_id = $1 ORDER BY a.submitted_at DESC, a.id LIMIT $2 OFFSET $3`,
      [broadcastId, q.take, q.skip],
    );
    return Object.assign(new BroadcastApplicationPage(), {
      total,
      items: rows.map((r) => Object.assign(new BroadcastApplicationType(), r, { applicantName: maskApplicantName(r.applicantName) })),
    });
  }

  /** Per card; applications credited to the broadcast without a card (a card removed since) count in the totals only. */
  async cardFigures(broadcastId: string): Promise<{ cards: CardFigures[]; total: FunnelCounts }> {
    const cards: CardFigures[] = await this.ds.query(
      `SELECT c.id AS "cardId", c.posting_id AS "postingId", p.title AS "postingTitle", e.name AS "employerName", c.shown_count AS "shownCount",
              (SELECT count(*)::int FROM broadcast_card_impression i WHERE i.card_id = c.id) AS impressions,
              count(a.id)::int AS applications,
              count(a.interview_at)::int AS interviews,
              count(a.hired_at)::int AS hires
         FROM broadcast_card c JOIN job_posting p ON p.id = c.posting_id JOIN employer e ON e.id = p.employer_id
         LEFT JOIN job_application a ON a.broadcast_card_id = c.id
        WHERE c.broadcast_id = $1 GROUP BY c.id, p.title, e.name ORDER BY c.position`,
      [broadcastId],
    );
    const [total] = await funnelTotals(this.ds, [broadcastId]);
    return { cards, total };
  }

  async funnel(broadcastId: string): Promise<BroadcastFunnelType> {
    const { cards, total } = await this.cardFigures(broadcastId);
    return Object.assign(new BroadcastFunnelType(), {
      broadcastId,
      total: funnelCounts(total),
      cards: cards.map((c) =>
        Object.assign(new BroadcastCardFunnelType(), { cardId: c.cardId, postingId: c.postingId, postingTitle: c.postingTitle, employerName: c.employerName, funnel: funnelCounts(c) }),
      ),
    });
  }

  async stats(row: BroadcastRow): Promise<BroadcastStatsType> {
    const [{ cards, total }, viewers, now] = await Promise.all([
      this.cardFigures(row.id),
      this.ds.query(
        `SELECT count(*)::int AS "uniqueViewers", COALESCE(sum(watch_seconds), 0)::bigint AS "watchSeconds" FROM broadcast_viewer WHERE broadcast_id = $1`,
        [row.id],
      ) as Promise<Array<{ uniqueViewers: number; watchSeconds: string }>>,
      row.status === 'LIVE' ? this.presence.count(liveRoom(row.id)) : Promise.resolve(0),
    ]);
    return Object.assign(new BroadcastStatsType(), {
      broadcastId: row.id,
      peakViewers: Math.max(row.peakViewers, now),
      uniqueViewers: viewers[0].uniqueViewers,
      watchMinutes: Math.round(Number(viewers[0].watchSeconds) / 60),
      impressions: total.impressions,
      applications: total.applications,
      conversion: ratio(total.applications, total.impressions),
      cards: cards.map((c) =>
        Object.assign(new BroadcastCardStatsType(), {
          cardId: c.cardId,
          postingTitle: c.postingTitle,
          employerName: c.employerName,
          shownCount: c.shownCount,
          impressions: c.impressions,
          applications: c.applications,
          conversion: ratio(c.applications, c.impressions),
        }),
      ),
    });
  }
}
