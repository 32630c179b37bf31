import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { SHORT_CODE_ALPHABET, type BroadcastStatus, type LiveCard } from '@leye/domain';
import type { Actor } from '../../common/auth/actor.js';
import { badInput, forbidden, unauthenticated, uniqueViolation } from '../../common/errors/app-error.js';
import { coversRegion, staffRegionScope } from '../../common/permissions/actor-scope.js';
import type { ActionResources } from '../../common/permissions/permission.types.js';
import { Permissions } from '../../common/permissions/permissions.service.js';
import { Presence } from '../../common/realtime/presence.js';
import { AppConfig } from '../../config/app-config.js';
import { SQL_PUBLIC } from '../postings/postings.service.js';
import { BroadcastErrors } from './broadcast.exception.js';
import {
  BroadcastAutopilotSettingsType,
  BroadcastCardLinkType,
  BroadcastCardType,
  BroadcastIngestType,
  BroadcastPage,
  BroadcastPersonType,
  BroadcastType,
  BroadcastViewerCanType,
} from './broadcast.types.js';
import type { CreateBroadcastInput, UpdateBroadcastInput } from './dtos/broadcast.inputs.js';
import { liveRoom } from '@leye/domain';

/** A broadcast as the service reads it. */
export interface BroadcastRow {
  id: string;
  eventId: string;
  title: string;
  regionCode: string;
  status: BroadcastStatus;
  playbackUrl: string | null;
  ingestKey: string;
  currentCardId: string | null;
  cardSeq: number;
  announcement: string | null;
  peakViewers: number;
  autopilotEnabled: boolean;
  autopilotIntervalSeconds: number;
  autopilotNextAt: Date | null;
  startedAt: Date | null;
  endedAt: Date | null;
  startsAt: Date;
  endsAt: Date;
  published: boolean;
  hostIds: string[];
}

export interface CardRow {
  id: string;
  broadcastId: string;
  postingId: string;
  position: number;
  script: string | null;
  shortCode: string;
  firstShownAt: Date | null;
  shownCount: number;
  title: string;
  employerId: string;
  employerName: string;
  salaryMin: number | null;
  salaryMax: number | null;
  headcount: number | null;
  regionCode: string | null;
  description: string;
}

export const BROADCAST_COLUMNS = `b.id, b.event_id AS "eventId", b.title, b.region_code AS "regionCode", b.status, b.playback_url AS "playbackUrl",
  b.ingest_key AS "ingestKey", b.current_card_id AS "currentCardId", b.card_seq AS "cardSeq", b.announcement, b.peak_viewers AS "peakViewers",
  b.autopilot_enabled AS "autopilotEnabled", b.autopilot_interval_seconds AS "autopilotIntervalSeconds", b.autopilot_next_at AS "autopilotNextAt",
  b.started_at AS "startedAt", b.ended_at AS "endedAt", e.starts_at AS "startsAt", e.ends_at AS "endsAt",
  e.status IN ('PUBLISHED','COMPLETED') AS published,
  COALESCE((SELECT array_agg(h.user_id) FROM broadcast_host h WHERE h.broadcast_id = b.id), '{}') AS "hostIds"`;
export const BROADCAST_FROM = `FROM broadcast b JOIN event e ON e.id = b.event_id`;

export const CARD_COLUMNS = `c.id, c.broadcast_id AS "broadcastId", c.posting_id AS "postingId", c.position, c.script, c.short_code AS "shortCode",
  c.first_shown_at AS "firstShownAt", c.shown_count AS "shownCount", p.title, p.employer_id AS "employerId", em.name AS "employerName",
  p.salary_min AS "salaryMin", p.salary_max AS "salaryMax", p.headcount, p.region_code AS "regionCode", p.description`;
export const CARD_FROM = `FROM broadcast_card c JOIN job_posting p ON p.id = c.posting_id JOIN employer em ON em.id = p.employer_id`;

export function newShortCode(): string {
  const bytes = randomBytes(8);
  return [...bytes].map((b) => SHORT_CODE_ALPHABET[b % SHORT_CODE_ALPHABET.length]).join('');
}

/** Broadcasts: reading, the line-ups, hosts (docs/livestream.md). The live operations are in BroadcastLiveService. */
@Injectable()
export class BroadcastsService {
  constructor(
    private readonly ds: DataSource,
    private readonly permissions: Permissions,
    private readonly presence: Presence,
    private readonly config: AppConfig,
  ) {}

  async find(id: string, manager: EntityManager = this.ds.manager): Promise<BroadcastRow | null> {
    const rows: BroadcastRow[] = await manager.query(`SELECT ${BROADCAST_COLUMNS} ${BROADCAST_FROM} WHERE b.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async get(id: string): Promise<BroadcastRow> {
    const row = await this.find(id);
    if (!row) throw BroadcastErrors.notFound();
    return row;
  }

  /** A broadcast the caller may see, or NOT_FOUND (a draft does not exist for others). */
  async readable(actor: Actor | undefined, id: string): Promise<BroadcastRow> {
    const row = await this.find(id);
    if (!row || !this.permissions.can(actor, 'broadcast.read', row)) throw BroadcastErrors.notFound();
    return row;
  }

  /** The broadcast, checked for `action`: NOT_FOUND when it may not even be read, UNAUTHENTICATED / FORBIDDEN otherwise. */
  async requireFor(actor: Actor | undefined, id: string, action: 'broadcast.host' | 'broadcast.stats' | 'broadcast.manage' | 'broadcast.read'): Promise<BroadcastRow> {
    const row = await this.readable(actor, id);
    if (action === 'broadcast.read') return row;
    if (!actor) throw unauthenticated();
    this.permissions.require(actor, action, row as ActionResources[typeof action] & BroadcastRow);
    return row;
  }

  async requireForCard(actor: Actor | undefined, cardId: string, action: 'broadcast.host' | 'broadcast.read'): Promise<BroadcastRow> {
    const rows: Array<{ broadcastId: string }> = await this.ds.query(`SELECT broadcast_id AS "broadcastId" FROM broadcast_card WHERE id = $1`, [cardId]);
    if (!rows[0]) throw BroadcastErrors.cardNotFound();
    return this.requireFor(actor, rows[0].broadcastId, action);
  }

  async list(actor: Actor | undefined, q: { status?: BroadcastStatus | null; take: number; skip: number }, hostedOnly: boolean): Promise<BroadcastPage> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (q.status) {
      params.push(q.status);
      where.push(`b.status = $${params.length}`);
    }
    const scope = staffRegionScope(actor);
    const hostClause = () => {
      params.push(actor?.id ?? null);
      return `EXISTS (SELECT 1 FROM broadcast_host h WHERE h.broadcast_id = b.id AND h.user_id = $${params.length})`;
    };
    const staffClause = () => {
      if (scope === null) return actor && (actor.role === 'ADMIN' || (actor.role === 'ORGANIZER' && coversRegion(actor, '371300'))) ? 'true' : 'false';
      params.push(scope);
      return `b.region_code = ANY($${params.length}::text[])`;
    };
    if (hostedOnly) where.push(`(${hostClause()} OR ${actor && actor.role !== 'HOST' ? staffClause() : 'false'})`);
    else where.push(`(e.status IN ('PUBLISHED','COMPLETED') OR ${actor ? `${hostClause()} OR ${actor.role === 'HOST' ? 'false' : staffClause()}` : 'false'})`);
    const sqlWhere = `WHERE ${where.join(' AND ')}`;
    const [{ total }] = await this.ds.query(`SELECT count(*)::int AS total ${BROADCAST_FROM} ${sqlWhere}`, params);
    const rows: BroadcastRow[] = await this.ds.query(
      `SELECT ${BROADCAST_COLUMNS} ${BROADCAST_FROM} ${sqlWhere}
        ORDER BY CASE b.status WHEN 'LIVE' THEN 0 WHEN 'SCHEDULED' THEN 1 ELSE 2 END,
                 CASE WHEN b.status = 'ENDED' THEN -extract(epoch FROM e.starts_at) ELSE extract(epoch FROM e.starts_at) END, b.id
        LIMIT ${q.take} OFFSET ${q.skip}`,
      params,
    );
    return Object.assign(new BroadcastPage(), { total, items: await Promise.all(rows.map((r) => this.view(actor, r))) });
  }

  async cards(broadcastId: string, manager: EntityManager = this.ds.manager): Promise<CardRow[]> {
    return manager.query(`SELECT ${CARD_COLUMNS} ${CARD_FROM} WHERE c.broadcast_id = $1 ORDER BY c.position, c.created_at`, [broadcastId]);
  }

  async card(cardId: string, manager: EntityManager = this.ds.manager): Promise<CardRow | null> {
    const rows: CardRow[] = await manager.query(`SELECT ${CARD_COLUMNS} ${CARD_FROM} WHERE c.id = $1`, [cardId]);
    return rows[0] ?? null;
  }

  shortUrl(code: string): string {
    return `${this.config.publicUrl ?? ''}/l/${code}`;
  }

  liveCard(c: CardRow): LiveCard {
    return {
      id: c.id,
      broadcastId: c.broadcastId,
      postingId: c.postingId,
      position: c.position,
      title: c.title,
      employerId: c.employerId,
      employerName: c.employerName,
      salaryMin: c.salaryMin,
      salaryMax: c.salaryMax,
      headcount: c.headcount,
      regionCode: c.regionCode,
      shortCode: c.shortCode,
      shortUrl: this.shortUrl(c.shortCode),
    };
  }

  cardType(c: CardRow, host: boolean): BroadcastCardType {
    return Object.assign(new BroadcastCardType(), this.liveCard(c), { script: host ? c.script : null, firstShownAt: c.firstShownAt, shownCount: c.shownCount });
  }

  playbackUrl(row: Pick<BroadcastRow, 'id' | 'playbackUrl'>): string | null {
    if (row.playbackUrl) return row.playbackUrl;
    return this.config.liveHlsUrl ? `${this.config.liveHlsUrl.replace(/\/$/, '')}/${row.id}/index.m3u8` : null;
  }

  async view(actor: Actor | undefined, row: BroadcastRow): Promise<BroadcastType> {
    const host = this.permissions.can(actor, 'broadcast.host', row);
    const [people, employers, cards, viewerCount, restriction] = await Promise.all([
      this.ds.query(`SELECT u.id, u.display_name AS "displayName" FROM broadcast_host h JOIN app_user u ON u.id = h.user_id WHERE h.broadcast_id = $1 ORDER BY u.display_name`, [row.id]),
      this.ds.query(`SELECT e.id, e.name FROM broadcast_employer be JOIN employer e ON e.id = be.employer_id WHERE be.broadcast_id = $1 ORDER BY be.position`, [row.id]),
      this.cards(row.id),
      this.presence.count(liveRoom(row.id)),
      actor
        ? this.ds.query(`SELECT 1 FROM broadcast_chat_restriction WHERE broadcast_id = $1 AND user_id = $2 AND (kind = 'BAN' OR until > now())`, [row.id, actor.id])
        : Promise.resolve([]),
    ]);
    const base = this.config.liveRtmpUrl?.replace(/\/$/, '') ?? null;
    const whip = this.config.liveWhipUrl?.replace(/\/$/, '') ?? null;
    return Object.assign(new BroadcastType(), {
      id: row.id,
      eventId: row.eventId,
      title: row.title,
      regionCode: row.regionCode,
      status: row.status,
      startsAt: row.startsAt,
      endsAt: row.endsAt,
      startedAt: row.startedAt,
      endedAt: row.endedAt,
      playbackUrl: this.playbackUrl(row),
      ingest: host
        ? Object.assign(new BroadcastIngestType(), {
            rtmpUrl: base,
            streamKey: row.ingestKey,
            rtmpStreamKey: `${row.id}?key=${row.ingestKey}`,
            whipUrl: whip ? `${whip}/${row.id}/whip?key=${row.ingestKey}` : null,
          })
        : null,
      hosts: (people as BroadcastPersonType[]).map((p) => Object.assign(new BroadcastPersonType(), p)),
      employers,
      cards: cards.map((c) => this.cardType(c, host)),
      currentCardId: row.currentCardId,
      cardSeq: row.cardSeq,
      announcement: row.announcement,
      viewerCount,
      peakViewers: Math.max(row.peakViewers, viewerCount),
      autopilot: Object.assign(new BroadcastAutopilotSettingsType(), {
        enabled: row.autopilotEnabled,
        intervalSeconds: row.autopilotIntervalSeconds,
        nextAt: row.autopilotEnabled ? row.autopilotNextAt : null,
      }),
      viewerCan: Object.assign(new BroadcastViewerCanType(), {
        host,
        manage: this.permissions.can(actor, 'broadcast.manage', row),
        stats: this.permissions.can(actor, 'broadcast.stats', row),
        chat: !!actor && row.status !== 'ENDED' && (restriction as unknown[]).length === 0,
      }),
    });
  }

  async cardLink(actor: Actor | undefined, code: string): Promise<BroadcastCardLinkType> {
    const rows: Array<{ id: string }> = await this.ds.query(`SELECT id FROM broadcast_card WHERE short_code = $1`, [code]);
    if (!rows[0]) throw BroadcastErrors.cardNotFound();
    const card = (await this.card(rows[0].id))!;
    const row = await this.readable(actor, card.broadcastId);
    return Object.assign(new BroadcastCardLinkType(), {
      broadcastId: row.id,
      broadcastTitle: row.title,
      broadcastStatus: row.status,
      card: this.cardType(card, this.permissions.can(actor, 'broadcast.host', row)),
    });
  }

  async hostCandidates(actor: Actor): Promise<BroadcastPersonType[]> {
    if (actor.role === 'HOST') return [Object.assign(new BroadcastPersonType(), { id: actor.id, displayName: actor.displayName })];
    const scope = staffRegionScope(actor);
    const rows: BroadcastPersonType[] = await this.ds.query(
      `SELECT id, display_name AS "displayName" FROM app_user WHERE role = 'HOST' AND disabled_at IS NULL
          AND ($1::text[] IS NULL OR region_code IS NULL OR region_code = ANY($1::text[])) ORDER BY display_name LIMIT 200`,
      [scope],
    );
    return rows.map((r) => Object.assign(new BroadcastPersonType(), r));
  }

  private async checkHosts(m: EntityManager, hostIds: string[]): Promise<void> {
    if (!hostIds.length) return;
    const rows: Array<{ id: string }> = await m.query(`SELECT id FROM app_user WHERE id = ANY($1::uuid[]) AND role = 'HOST' AND disabled_at IS NULL`, [hostIds]);
    if (rows.length !== hostIds.length) throw BroadcastErrors.notAHost('hostIds');
  }

  private async setEmployers(m: EntityManager, broadcastId: string, employerIds: string[]): Promise<void> {
    if (employerIds.length) {
      const rows: Array<{ id: string }> = await m.query(`SELECT id FROM employer WHERE id = ANY($1::uuid[]) AND status = 'VERIFIED'`, [employerIds]);
      if (rows.length !== employerIds.length) throw BroadcastErrors.employerNotFound();
    }
    await m.query(`DELETE FROM broadcast_employer WHERE broadcast_id = $1`, [broadcastId]);
    if (employerIds.length)
      await m.query(`INSERT INTO broadcast_employer (broadcast_id, employer_id, position) SELECT $1, id, ord FROM unnest($2::uuid[]) WITH ORDINALITY AS t(id, ord)`, [broadcastId, employerIds]);
  }

  async create(actor: Actor, input: CreateBroadcastInput): Promise<BroadcastRow> {
    const id = await this.ds.transaction(async (m) => {
      const events: Array<{ id: string; title: string; regionCode: string; type: string; status: string }> = await m.query(
        `SELECT id, title, region_code AS "regionCode", type, status FROM event WHERE id = $1 FOR UPDATE`,
        [input.eventId],
      );
      const event = events[0];
      if (!event || event.type !== 'LIVESTREAM' || event.status === 'CANCELLED') {
        if (event && !this.permissions.can(actor, 'broadcast.manage', event)) throw forbidden();
        throw BroadcastErrors.eventNotFound();
      }
      this.permissions.require(actor, 'broadcast.manage', event);
      await this.checkHosts(m, input.hostIds);
      const title = (input.title ?? '').trim() || event.title.slice(0, 80);
      if ([...title].length < 2) throw badInput('TITLE_TOO_SHORT', { title: 'TOO_SHORT' });
      let inserted: Array<{ id: string }>;
      try {
        inserted = await m.query(
          `INSERT INTO broadcast (event_id, title, region_code, playback_url, ingest_key, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
          [event.id, title, event.regionCode, input.playbackUrl?.trim() || null, randomBytes(18).toString('base64url'), actor.id],
        );
      } catch (error) {
        if (uniqueViolation(error)) throw BroadcastErrors.eventTaken();
        throw error;
      }
      const broadcastId = inserted[0].id;
      if (input.hostIds.length) await m.query(`INSERT INTO broadcast_host (broadcast_id, user_id) SELECT $1, unnest($2::uuid[])`, [broadcastId, input.hostIds]);
      await this.setEmployers(m, broadcastId, input.employerIds);
      return broadcastId;
    });
    return this.get(id);
  }

  async update(actor: Actor, row: BroadcastRow, input: UpdateBroadcastInput): Promise<BroadcastRow> {
    await this.ds.transaction(async (m) => {
      await m.query(`SELECT id FROM broadcast WHERE id = $1 FOR UPDATE`, [row.id]);
      if (input.title != null) await m.query(`UPDATE broadcast SET title = $2, updated_at = now() WHERE id = $1`, [row.id, input.title.trim()]);
      if (input.playbackUrl != null) await m.query(`UPDATE broadcast SET playback_url = $2, updated_at = now() WHERE id = $1`, [row.id, input.playbackUrl.trim() || null]);
      if (input.hostIds) {
        await this.checkHosts(m, input.hostIds);
        await m.query(`DELETE FROM broadcast_host WHERE broadcast_id = $1`, [row.id]);
        if (input.hostIds.length) await m.query(`INSERT INTO broadcast_host (broadcast_id, user_id) SELECT $1, unnest($2::uuid[])`, [row.id, input.hostIds]);
      }
      if (input.employerIds) await this.setEmployers(m, row.id, input.employerIds);
    });
    void actor;
    return this.get(row.id);
  }

  /** Adds approved, open postings at the end of the line-up; postings already in it are skipped (the unique constraint decides). */
  async addCards(row: BroadcastRow, postingIds: string[]): Promise<void> {
    if (row.status === 'ENDED') throw BroadcastErrors.ended();
    await this.ds.transaction(async (m) => {
      await m.query(`SELECT id FROM broadcast WHERE id = $1 FOR UPDATE`, [row.id]);
      const ok: Array<{ id: string }> = await m.query(
        `SELECT p.id FROM job_posting p JOIN employer e ON e.id = p.employer_id WHERE p.id = ANY($1::uuid[]) AND ${SQL_PUBLIC}`,
        [postingIds],
      );
      if (ok.length !== postingIds.length) throw BroadcastErrors.postingNotPublic();
      const [{ max }] = await m.query(`SELECT COALESCE(max(position), 0)::int AS max FROM broadcast_card WHERE broadcast_id = $1`, [row.id]);
      let position = max;
      for (const postingId of postingIds) {
        for (let attempt = 0; ; attempt++) {
          try {
            const r: unknown[] = await m.query(
              `INSERT INTO broadcast_card (broadcast_id, posting_id, position, short_code) VALUES ($1, $2, $3, $4)
               ON CONFLICT ON CONSTRAINT broadcast_card_once DO NOTHING RETURNING id`,
              [row.id, postingId, position + 1, newShortCode()],
            );
            if (r.length) position += 1;
            break;
          } catch (error) {
            // A short-code collision (32^8 codes): draw another.
            if (uniqueViolation(error) === 'broadcast_card_short_code_key' && attempt < 5) continue;
            throw error;
          }
        }
      }
    });
  }

  async updateCard(row: BroadcastRow, cardId: string, script: string | null): Promise<BroadcastCardType> {
    await this.ds.query(`UPDATE broadcast_card SET script = $2 WHERE id = $1`, [cardId, script?.trim() || null]);
    return this.cardType((await this.card(cardId))!, true);
  }

  async removeCard(row: BroadcastRow, cardId: string): Promise<void> {
    await this.ds.query(`DELETE FROM broadcast_card WHERE id = $1 AND broadcast_id = $2`, [cardId, row.id]);
  }

  async reorderCards(row: BroadcastRow, cardIds: string[]): Promise<void> {
    await this.ds.transaction(async (m) => {
      await m.query(`SELECT id FROM broadcast WHERE id = $1 FOR UPDATE`, [row.id]);
      const existing: Array<{ id: string }> = await m.query(`SELECT id FROM broadcast_card WHERE broadcast_id = $1`, [row.id]);
      const ids = new Set(existing.map((e) => e.id));
      if (cardIds.length !== ids.size || cardIds.some((id) => !ids.has(id))) throw BroadcastErrors.cardOrder();
      await m.query(`UPDATE broadcast_card c SET position = t.ord FROM unnest($2::uuid[]) WITH ORDINALITY AS t(id, ord) WHERE c.id = t.id AND c.broadcast_id = $1`, [row.id, cardIds]);
    });
  }
}
