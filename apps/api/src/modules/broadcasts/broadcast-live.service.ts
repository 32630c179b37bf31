import { Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import {
  LIVE_CHAT_RATE,
  LIVE_CHAT_RECENT,
  canMoveBroadcast,
  liveHostRoom,
  liveRoom,
  liveUserRoom,
  maskApplicantName,
  type BroadcastStatus,
  type LiveCardCount,
  type LiveChatMessage,
  type LiveSync,
} from '@leye/domain';
import type { Actor } from '../../common/auth/actor.js';
import { AppError, badInput, notFound, tooManyRequests, uniqueViolation } from '../../common/errors/app-error.js';
import { Permissions } from '../../common/permissions/permissions.service.js';
import { Presence } from '../../common/realtime/presence.js';
import { SocketRateLimiter } from '../../common/realtime/socket-rate-limiter.js';
import { hashPassword } from '../../common/security/password-hasher.js';
import { ApplicationsService } from '../applications/applications.service.js';
import { BroadcastErrors } from './broadcast.exception.js';
import {
  BroadcastApplyResultType,
  BroadcastAutopilotCardType,
  BroadcastAutopilotType,
  BroadcastChatMessageType,
  BroadcastModerationType,
  ChatKeywordType,
  ChatRestrictionType,
  type CardVia,
  type ChatRestrictionKind,
} from './broadcast.types.js';
import { BroadcastsService, type BroadcastRow, type CardRow } from './broadcasts.service.js';
import type { BroadcastApplyInput } from './dtos/broadcast.inputs.js';
import { LiveChannel } from './live-channel.js';

/** Keyword filter cache lifetime: staff edits reach every instance within this. */
const KEYWORD_CACHE_MS = 5_000;
/**
 * How long a join's line-up and recent chat are reused for the next joins of the same broadcast (thousands of
 * viewers arrive at once when a broadcast starts). Changes made on this instance clear it at once; changes made on
 * another instance reach a joining page within this (the broadcast row itself — status, current card, sequence,
 * announcement — is always read fresh, and everything after the join arrives live).
 */
const JOIN_CACHE_MS = 1_000;

interface ChatRow {
  id: string;
  broadcastId: string;
  userId: string;
  displayName: string;
  text: string;
  at: Date;
}

const toChat = (r: ChatRow): LiveChatMessage => ({ ...r, at: new Date(r.at).toISOString() });

/**
 * The live side of a broadcast (docs/livestream.md): status, pushing cards, the announcement, chat and its
 * moderation, impressions and viewers, one-tap apply, autopilot. Used by the GraphQL resolver and the
 * `/live` socket gateway alike, so both paths share every check.
 */
@Injectable()
export class BroadcastLiveService {
  private readonly logger = new Logger(BroadcastLiveService.name);
  private keywordCache?: { at: number; words: string[] };
  private readonly joinCache = new Map<string, { at: number; cards: Promise<CardRow[]>; chat: Promise<ChatRow[]> }>();

  /** Forgets the cached line-up and chat of a broadcast (after a change on this instance). */
  invalidate(broadcastId: string): void {
    this.joinCache.delete(broadcastId);
  }

  private joinParts(broadcastId: string): { cards: Promise<CardRow[]>; chat: Promise<ChatRow[]> } {
    const hit = this.joinCache.get(broadcastId);
    if (hit && Date.now() - hit.at < JOIN_CACHE_MS) return hit;
    const entry = { at: Date.now(), cards: this.broadcasts.cards(broadcastId), chat: this.recentChatRows(broadcastId) };
    entry.cards.catch(() => this.joinCache.delete(broadcastId));
    entry.chat.catch(() => this.joinCache.delete(broadcastId));
    if (this.joinCache.size > 1000) this.joinCache.clear();
    this.joinCache.set(broadcastId, entry);
    return entry;
  }

  constructor(
    private readonly ds: DataSource,
    private readonly broadcasts: BroadcastsService,
    private readonly applications: ApplicationsService,
    private readonly permissions: Permissions,
    private readonly limiter: SocketRateLimiter,
    private readonly presence: Presence,
    private readonly channel: LiveChannel,
  ) {}

  // ── status ───────────────────────────────────────────────────────────────
  async setStatus(actor: Actor, row: BroadcastRow, to: BroadcastStatus): Promise<BroadcastRow> {
    const updated: Array<{ id: string; at: Date }> = await this.ds.query(
      to === 'LIVE'
        ? `WITH u AS (UPDATE broadcast SET status = 'LIVE', started_at = now(), updated_at = now(),
                  autopilot_next_at = CASE WHEN autopilot_enabled THEN now() ELSE autopilot_next_at END
            WHERE id = $1 AND status = 'SCHEDULED' RETURNING id, started_at AS at) SELECT * FROM u`
        : `WITH u AS (UPDATE broadcast SET status = 'ENDED', ended_at = now(), updated_at = now(), autopilot_enabled = false, autopilot_next_at = NULL
            WHERE id = $1 AND status = 'LIVE' RETURNING id, ended_at AS at) SELECT * FROM u`,
      [row.id],
    );
    if (!updated[0]) {
      const now = await this.broadcasts.get(row.id);
      if (!canMoveBroadcast(now.status, to)) throw BroadcastErrors.invalidMove(now.status, to);
    } else {
      this.channel.to(liveRoom(row.id))?.emit('live:status', { broadcastId: row.id, status: to, at: new Date(updated[0].at).toISOString() });
    }
    void actor;
    return this.broadcasts.get(row.id);
  }

  // ── cards ────────────────────────────────────────────────────────────────
  /**
   * Makes a card current: one UPDATE (the sequence number orders pushes from several hosts or autopilot),
   * then one emit to the broadcast's room — every instance's viewers with the Redis adapter.
   */
  async pushCard(broadcastId: string, cardId: string, manager: EntityManager = this.ds.manager, opts: { autopilot?: boolean } = {}): Promise<{ seq: number; card: CardRow }> {
    const rows: Array<{ seq: number; status: string }> = await manager.query(
      `WITH u AS (UPDATE broadcast b SET current_card_id = c.id, card_seq = b.card_seq + 1, updated_at = now()
             ${opts.autopilot ? '' : ', autopilot_next_at = CASE WHEN b.autopilot_enabled THEN now() + make_interval(secs => b.autopilot_interval_seconds) ELSE b.autopilot_next_at END'}
         FROM broadcast_card c
        WHERE b.id = $1 AND c.id = $2 AND c.broadcast_id = b.id AND b.status <> 'ENDED'
        RETURNING b.card_seq AS seq, b.status) SELECT * FROM u`,
      [broadcastId, cardId],
    );
    if (!rows[0]) {
      const card = await this.broadcasts.card(cardId, manager);
      if (!card || card.broadcastId !== broadcastId) throw BroadcastErrors.cardNotFound();
      throw BroadcastErrors.ended();
    }
    await manager.query(
      `UPDATE broadcast_card SET shown_count = shown_count + 1, last_shown_at = now(), first_shown_at = COALESCE(first_shown_at, now()) WHERE id = $1`,
      [cardId],
    );
    const card = (await this.broadcasts.card(cardId, manager))!;
    // Autopilot pushes inside its transaction and emits after the commit.
    if (!opts.autopilot) this.emitCard(broadcastId, card, rows[0].seq);
    return { seq: rows[0].seq, card };
  }

  emitCard(broadcastId: string, card: CardRow, seq: number): void {
    this.invalidate(broadcastId);
    this.channel.to(liveRoom(broadcastId))?.emit('live:card', { broadcastId, card: this.broadcasts.liveCard(card), pushedAt: Date.now(), seq });
    void this.emitQueue(broadcastId);
  }

  async emitQueue(broadcastId: string): Promise<void> {
    try {
      const row = await this.broadcasts.get(broadcastId);
      const cards = await this.broadcasts.cards(broadcastId);
      this.channel.to(liveHostRoom(broadcastId))?.emit('live:queue', { broadcastId, cardIds: queueAfter(cards, row.currentCardId).map((c) => c.id), currentCardId: row.currentCardId });
    } catch (error) {
      this.logger.warn(`cannot send the queue: ${(error as Error).message}`);
    }
  }

  async announce(broadcastId: string, text: string | null): Promise<void> {
    const value = text?.trim() || null;
    if (value && (await this.blockedWord(value))) throw BroadcastErrors.blockedWord();
    await this.ds.query(`UPDATE broadcast SET announcement = $2, updated_at = now() WHERE id = $1`, [broadcastId, value]);
    this.channel.to(liveRoom(broadcastId))?.emit('live:announcement', { broadcastId, text: value });
  }

  // ── chat ─────────────────────────────────────────────────────────────────
  async recentChat(broadcastId: string, limit = LIVE_CHAT_RECENT): Promise<BroadcastChatMessageType[]> {
    return (await this.recentChatRows(broadcastId, limit)).map((r) => Object.assign(new BroadcastChatMessageType(), r));
  }

  private async recentChatRows(broadcastId: string, limit = LIVE_CHAT_RECENT): Promise<ChatRow[]> {
    const rows: ChatRow[] = await this.ds.query(
      `SELECT id, broadcast_id AS "broadcastId", user_id AS "userId", display_name AS "displayName", body AS text, created_at AS at
         FROM broadcast_chat_message WHERE broadcast_id = $1 AND deleted_at IS NULL ORDER BY created_at DESC LIMIT $2`,
      [broadcastId, limit],
    );
    return rows.reverse();
  }

  async keywords(): Promise<ChatKeywordType[]> {
    const rows: ChatKeywordType[] = await this.ds.query(`SELECT id, word, created_at AS "createdAt" FROM chat_keyword ORDER BY lower(word)`);
    return rows.map((r) => Object.assign(new ChatKeywordType(), r));
  }

  private async keywordList(): Promise<string[]> {
    if (this.keywordCache && Date.now() - this.keywordCache.at < KEYWORD_CACHE_MS) return this.keywordCache.words;
    const rows: Array<{ word: string }> = await this.ds.query(`SELECT lower(btrim(word)) AS word FROM chat_keyword`);
    this.keywordCache = { at: Date.now(), words: rows.map((r) => r.word) };
    return this.keywordCache.words;
  }

  /** Case-insensitive, ignoring spaces and common separators put between the characters (“微 信” → 微信). */
  async blockedWord(text: string): Promise<string | null> {
    const squashed = text.toLowerCase().replace(/[\s.·_\-*|/\\]+/g, '');
    for (const word of await this.keywordList()) {
      const w = word.replace(/[\s.·_\-*|/\\]+/g, '');
      if (w && squashed.includes(w)) return word;
    }
    return null;
  }

  async addKeyword(actor: Actor, word: string): Promise<ChatKeywordType> {
    const w = word.trim();
    if (!w) throw badInput('KEYWORD_EMPTY', { word: 'REQUIRED' });
    try {
      const rows: ChatKeywordType[] = await this.ds.query(
        `INSERT INTO chat_keyword (word, created_by) VALUES ($1, $2) RETURNING id, word, created_at AS "createdAt"`,
        [w, actor.id],
      );
      this.keywordCache = undefined;
      return Object.assign(new ChatKeywordType(), rows[0]);
    } catch (error) {
      if (uniqueViolation(error)) throw BroadcastErrors.keywordExists();
      throw error;
    }
  }

  async removeKeyword(id: string): Promise<void> {
    const rows: unknown[] = await this.ds.query(`WITH d AS (DELETE FROM chat_keyword WHERE id = $1 RETURNING id) SELECT * FROM d`, [id]);
    if (!rows.length) throw BroadcastErrors.keywordNotFound();
    this.keywordCache = undefined;
  }

  async restrictionOf(broadcastId: string, userId: string): Promise<{ mutedUntil: string | null; banned: boolean }> {
    const rows: Array<{ kind: ChatRestrictionKind; until: Date | null }> = await this.ds.query(
      `SELECT kind, until FROM broadcast_chat_restriction WHERE broadcast_id = $1 AND user_id = $2 AND (kind = 'BAN' OR until > now())`,
      [broadcastId, userId],
    );
    const mute = rows.find((r) => r.kind === 'MUTE');
    return { mutedUntil: mute?.until ? new Date(mute.until).toISOString() : null, banned: rows.some((r) => r.kind === 'BAN') };
  }

  /**
   * Posts a chat message: signed in, the broadcast not ended, not banned or muted, within the rate limit
   * (per user, shared by every instance through Redis), no filtered word. `rateKey` names the limited party.
   */
  async postChat(actor: Actor, row: BroadcastRow, text: string, rateKey: string): Promise<BroadcastChatMessageType> {
    const body = text.trim();
    if (!body) throw badInput('CHAT_EMPTY', { text: 'REQUIRED' });
    if (row.status === 'ENDED') throw BroadcastErrors.ended();
    const host = this.permissions.can(actor, 'broadcast.host', row);
    if (!host) {
      const r = await this.restrictionOf(row.id, actor.id);
      if (r.banned) throw BroadcastErrors.banned();
      if (r.mutedUntil) throw BroadcastErrors.muted(r.mutedUntil);
      const rate = await this.limiter.consume(`chat:${row.id}:${rateKey}`, LIVE_CHAT_RATE.limit, LIVE_CHAT_RATE.windowMs);
      if (!rate.ok) throw BroadcastErrors.tooFast(rate.retryAfterMs);
    }
    if (await this.blockedWord(body)) throw BroadcastErrors.blockedWord();
    const rows: ChatRow[] = await this.ds.query(
      `INSERT INTO broadcast_chat_message (broadcast_id, user_id, display_name, body) VALUES ($1, $2, $3, $4)
       RETURNING id, broadcast_id AS "broadcastId", user_id AS "userId", display_name AS "displayName", body AS text, created_at AS at`,
      [row.id, actor.id, actor.displayName, body],
    );
    this.invalidate(row.id);
    this.channel.to(liveRoom(row.id))?.emit('live:chat', toChat(rows[0]));
    return Object.assign(new BroadcastChatMessageType(), rows[0]);
  }

  async messageBroadcast(messageId: string): Promise<string> {
    const rows: Array<{ broadcastId: string }> = await this.ds.query(`SELECT broadcast_id AS "broadcastId" FROM broadcast_chat_message WHERE id = $1`, [messageId]);
    if (!rows[0]) throw BroadcastErrors.messageNotFound();
    return rows[0].broadcastId;
  }

  async deleteMessages(broadcastId: string, ids: string[], by: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.ds.query(
      `WITH u AS (UPDATE broadcast_chat_message SET deleted_at = now(), deleted_by = $3
          WHERE broadcast_id = $1 AND id = ANY($2::uuid[]) AND deleted_at IS NULL RETURNING id) SELECT * FROM u`,
      [broadcastId, ids, by],
    );
    if (!rows.length && ids.length === 1) {
      const exists: unknown[] = await this.ds.query(`SELECT 1 FROM broadcast_chat_message WHERE broadcast_id = $1 AND id = $2`, [broadcastId, ids[0]]);
      if (!exists.length) throw BroadcastErrors.messageNotFound();
    }
    this.invalidate(broadcastId);
    const deleted = rows.map((r) => r.id);
    if (deleted.length) this.channel.to(liveRoom(broadcastId))?.emit('live:chatDeleted', { broadcastId, messageIds: deleted });
    return deleted;
  }

  /** Mutes (for `minutes`) or bans; a ban also removes the user's messages from every screen. */
  async restrict(actor: Actor, row: BroadcastRow, userId: string, kind: ChatRestrictionKind, minutes: number): Promise<void> {
    if (row.hostIds.includes(userId)) throw BroadcastErrors.restrictHost();
    const users: unknown[] = await this.ds.query(`SELECT 1 FROM app_user WHERE id = $1`, [userId]);
    if (!users.length) throw notFound('USER_NOT_FOUND');
    await this.ds.query(
      `INSERT INTO broadcast_chat_restriction (broadcast_id, user_id, kind, until, created_by)
       VALUES ($1, $2, $3, CASE WHEN $3 = 'MUTE' THEN now() + make_interval(mins => $4::int) END, $5)
       ON CONFLICT (broadcast_id, user_id, kind) DO UPDATE SET until = EXCLUDED.until, created_by = EXCLUDED.created_by, created_at = now()`,
      [row.id, userId, kind, minutes, actor.id],
    );
    if (kind === 'BAN') {
      const ids: Array<{ id: string }> = await this.ds.query(`SELECT id FROM broadcast_chat_message WHERE broadcast_id = $1 AND user_id = $2 AND deleted_at IS NULL`, [row.id, userId]);
      if (ids.length) await this.deleteMessages(row.id, ids.map((r) => r.id), actor.id);
    }
    this.channel.to(liveUserRoom(userId))?.emit('live:restricted', { broadcastId: row.id, ...(await this.restrictionOf(row.id, userId)) });
  }

  async lift(row: BroadcastRow, userId: string, kind: ChatRestrictionKind): Promise<void> {
    await this.ds.query(`DELETE FROM broadcast_chat_restriction WHERE broadcast_id = $1 AND user_id = $2 AND kind = $3`, [row.id, userId, kind]);
    this.channel.to(liveUserRoom(userId))?.emit('live:restricted', { broadcastId: row.id, ...(await this.restrictionOf(row.id, userId)) });
  }

  async moderation(broadcastId: string): Promise<BroadcastModerationType> {
    const restrictions: ChatRestrictionType[] = await this.ds.query(
      `SELECT r.user_id AS "userId", u.display_name AS "displayName", r.kind, r.until, r.created_at AS "createdAt"
         FROM broadcast_chat_restriction r JOIN app_user u ON u.id = r.user_id
        WHERE r.broadcast_id = $1 AND (r.kind = 'BAN' OR r.until > now()) ORDER BY r.created_at DESC`,
      [broadcastId],
    );
    return Object.assign(new BroadcastModerationType(), {
      broadcastId,
      restrictions: restrictions.map((r) => Object.assign(new ChatRestrictionType(), r)),
      keywords: await this.keywordList(),
    });
  }

  // ── viewers ──────────────────────────────────────────────────────────────
  /** One impression per viewer key and card (the primary key decides); true when it was new. */
  async impression(broadcastId: string, cardId: string, viewerKey: string, via: CardVia): Promise<boolean> {
    const rows: unknown[] = await this.ds.query(
      `INSERT INTO broadcast_card_impression (card_id, viewer_key, via)
       SELECT id, $3, $4 FROM broadcast_card WHERE id = $2 AND broadcast_id = $1
       ON CONFLICT DO NOTHING RETURNING card_id`,
      [broadcastId, cardId, viewerKey, via],
    );
    return rows.length > 0;
  }

  async cardCounts(broadcastId: string): Promise<LiveCardCount[]> {
    return this.ds.query(
      `SELECT c.id AS "cardId",
              (SELECT count(*)::int FROM job_application a WHERE a.broadcast_card_id = c.id) AS applications,
              (SELECT count(*)::int FROM broadcast_card_impression i WHERE i.card_id = c.id) AS impressions
         FROM broadcast_card c WHERE c.broadcast_id = $1 ORDER BY c.position`,
      [broadcastId],
    );
  }

  /** The snapshot a (re)joining page needs. */
  async sync(actor: Actor | undefined, row: BroadcastRow): Promise<LiveSync> {
    const host = this.permissions.can(actor, 'broadcast.host', row);
    const parts = this.joinParts(row.id);
    const [cards, recent, viewers, restriction, counts] = await Promise.all([
      parts.cards,
      parts.chat,
      this.presence.count(liveRoom(row.id)),
      actor ? this.restrictionOf(row.id, actor.id) : Promise.resolve({ mutedUntil: null, banned: false }),
      host ? this.cardCounts(row.id) : Promise.resolve([]),
    ]);
    const current = cards.find((c) => c.id === row.currentCardId) ?? (row.currentCardId ? await this.broadcasts.card(row.currentCardId) : null);
    const shown = cards.filter((c) => c.firstShownAt || c.id === current?.id).sort((a, b) => +new Date(b.firstShownAt ?? Date.now()) - +new Date(a.firstShownAt ?? Date.now()));
    return {
      broadcastId: row.id,
      title: row.title,
      status: row.status,
      playbackUrl: this.broadcasts.playbackUrl(row),
      currentCard: current ? this.broadcasts.liveCard(current) : null,
      shownCards: shown.map((c) => this.broadcasts.liveCard(c)),
      viewers: { broadcastId: row.id, count: viewers, peak: Math.max(row.peakViewers, viewers) },
      announcement: row.announcement,
      recentChat: recent.map(toChat),
      cardCounts: counts,
      you: {
        host,
        canChat: !!actor && row.status !== 'ENDED' && !restriction.banned && !restriction.mutedUntil,
        mutedUntil: restriction.mutedUntil,
        banned: restriction.banned,
      },
      cardSeq: row.cardSeq,
    };
  }

  /** Keeps the peak (only ever raised). */
  async recordViewers(broadcastId: string, count: number): Promise<number> {
    const rows: Array<{ peak: number }> = await this.ds.query(
      `WITH u AS (UPDATE broadcast SET peak_viewers = GREATEST(peak_viewers, $2) WHERE id = $1 RETURNING peak_viewers AS peak) SELECT * FROM u`,
      [broadcastId, count],
    );
    return rows[0]?.peak ?? count;
  }

  // ── apply ────────────────────────────────────────────────────────────────
  /**
   * One-tap apply. A signed-in seeker applies as themselves; without signing in, name + mobile find the seeker
   * account with that mobile or create one (no password: the person sets one through the reset path). The
   * application is the ordinary one (unique per posting and seeker), with source LIVESTREAM, the broadcast
   * and the card; applying again answers the existing application (`alreadyApplied`), never a second row.
   */
  async apply(actor: Actor | undefined, input: BroadcastApplyInput): Promise<BroadcastApplyResultType> {
    const card = await this.broadcasts.card(input.cardId);
    if (!card) throw BroadcastErrors.cardNotFound();
    const row = await this.broadcasts.readable(actor, card.broadcastId);
    let seeker: Actor;
    let accountCreated = false;
    if (actor) {
      if (actor.role !== 'SEEKER') throw BroadcastErrors.seekersOnly();
      seeker = actor;
    } else {
      const name = input.name?.trim();
      const phone = input.phone?.trim();
      if (!name || !phone) throw BroadcastErrors.contactRequired();
      const rate = await this.limiter.consume(`apply-phone:${phone}`, 10, 3600_000);
      if (!rate.ok) throw tooManyRequests({ reason: 'APPLY_TOO_OFTEN', params: { retryAfterSeconds: Math.ceil(rate.retryAfterMs / 1000) } });
      ({ seeker, created: accountCreated } = await this.seekerFor(name, phone));
    }
    let applicationId: string;
    let alreadyApplied = false;
    try {
      const application = await this.applications.apply(seeker, {
        postingId: card.postingId,
        source: 'LIVESTREAM',
        sourceRef: row.id,
        broadcastId: row.id,
        broadcastCardId: card.id,
      });
      applicationId = application.id;
    } catch (error) {
      if (error instanceof AppError && error.reason === 'ALREADY_APPLIED') {
        alreadyApplied = true;
        applicationId = String((error.extensions as { applicationId?: string }).applicationId ?? '');
      } else throw error;
    }
    if (!alreadyApplied) void this.announceApplication(row.id, card, applicationId, seeker.displayName);
    return Object.assign(new BroadcastApplyResultType(), { applicationId, alreadyApplied, accountCreated });
  }

  private async seekerFor(name: string, phone: string): Promise<{ seeker: Actor; created: boolean }> {
    const find = async (): Promise<Actor | null> => {
      const rows: Array<Actor & { disabled: boolean }> = await this.ds.query(
        `SELECT id, role, display_name AS "displayName", region_code AS "regionCode", employer_id AS "employerId", locale, disabled_at IS NOT NULL AS disabled
           FROM app_user WHERE phone = $1`,
        [phone],
      );
      const u = rows[0];
      if (!u) return null;
      if (u.role !== 'SEEKER' || u.disabled) throw BroadcastErrors.phoneTakenByStaff();
      return { id: u.id, role: u.role, displayName: u.displayName, regionCode: u.regionCode, employerId: u.employerId, locale: u.locale };
    };
    const existing = await find();
    if (existing) return { seeker: existing, created: false };
    const hash = await hashPassword(randomBytes(24).toString('base64url'));
    try {
      const rows: Array<{ id: string }> = await this.ds.query(
        `INSERT INTO app_user (role, display_name, phone, password_hash) VALUES ('SEEKER', $1, $2, $3) RETURNING id`,
        [name, phone, hash],
      );
      return { seeker: { id: rows[0].id, role: 'SEEKER', displayName: name, regionCode: null, employerId: null, locale: 'zh-CN' }, created: true };
    } catch (error) {
      // Two taps at once with the same number: the unique phone index lets one insert; the other matches it.
      if (uniqueViolation(error)) {
        const again = await find();
        if (again) return { seeker: again, created: false };
      }
      throw error;
    }
  }

  private async announceApplication(broadcastId: string, card: CardRow, applicationId: string, name: string): Promise<void> {
    try {
      this.channel.to(liveHostRoom(broadcastId))?.emit('live:application', {
        broadcastId,
        cardId: card.id,
        applicationId,
        postingTitle: card.title,
        applicantName: maskApplicantName(name),
        at: new Date().toISOString(),
        counts: await this.cardCounts(broadcastId),
      });
    } catch (error) {
      this.logger.warn(`cannot announce an application: ${(error as Error).message}`);
    }
  }

  // ── autopilot ────────────────────────────────────────────────────────────
  async setAutopilot(row: BroadcastRow, enabled: boolean, intervalSeconds: number | null): Promise<void> {
    if (row.status === 'ENDED') throw BroadcastErrors.ended();
    if (enabled) {
      const cards = await this.broadcasts.cards(row.id);
      if (!cards.length) throw BroadcastErrors.noCards();
    }
    await this.ds.query(
      `UPDATE broadcast SET autopilot_enabled = $2, autopilot_interval_seconds = COALESCE($3, autopilot_interval_seconds),
              autopilot_next_at = CASE WHEN $2 THEN now() ELSE NULL END, updated_at = now() WHERE id = $1`,
      [row.id, enabled, intervalSeconds],
    );
  }

  defaultScript(card: CardRow): string {
    const salary =
      card.salaryMin != null && card.salaryMax != null ? `月薪${card.salaryMin}到${card.salaryMax}元` : card.salaryMin != null ? `月薪${card.salaryMin}元起` : '薪资面议';
    return `${card.employerName}招聘${card.title}${card.headcount ? `${card.headcount}人` : ''}，${salary}。扫描屏幕上的二维码或点击职位卡片，一键投递。`;
  }

  async autopilotState(broadcastId: string): Promise<BroadcastAutopilotType> {
    const row = await this.broadcasts.get(broadcastId);
    const cards = await this.broadcasts.cards(broadcastId);
    const current = cards.find((c) => c.id === row.currentCardId) ?? null;
    const next = nextCard(cards, row.currentCardId);
    const card = (c: CardRow | null) =>
      c ? Object.assign(new BroadcastAutopilotCardType(), { cardId: c.id, title: c.title, employerName: c.employerName, script: c.script ?? this.defaultScript(c) }) : null;
    return Object.assign(new BroadcastAutopilotType(), {
      broadcastId,
      enabled: row.autopilotEnabled,
      intervalSeconds: row.autopilotIntervalSeconds,
      nextAt: row.autopilotEnabled ? row.autopilotNextAt : null,
      current: card(current),
      next: row.autopilotEnabled || row.status !== 'ENDED' ? card(next) : null,
    });
  }

  /**
   * One autopilot step for every due broadcast: each row is advanced by one conditional UPDATE
   * (`autopilot_next_at <= now()`, row locked, SKIP LOCKED), so even two runners never rotate one
   * broadcast twice for the same moment; the next moment is set from the interval.
   */
  async autopilotStep(): Promise<number> {
    const pushes: Array<{ broadcastId: string; seq: number; card: CardRow }> = [];
    await this.ds.transaction(async (m) => {
      const due: Array<{ id: string; currentCardId: string | null }> = await m.query(
        `SELECT id, current_card_id AS "currentCardId" FROM broadcast
          WHERE autopilot_enabled AND status = 'LIVE' AND autopilot_next_at <= now()
          ORDER BY autopilot_next_at LIMIT 50 FOR UPDATE SKIP LOCKED`,
      );
      for (const b of due) {
        const cards = await this.broadcasts.cards(b.id, m);
        const next = nextCard(cards, b.currentCardId);
        await m.query(
          `UPDATE broadcast SET autopilot_next_at = now() + make_interval(secs => autopilot_interval_seconds) WHERE id = $1`,
          [b.id],
        );
        if (!next) continue;
        const { seq, card } = await this.pushCard(b.id, next.id, m, { autopilot: true });
        pushes.push({ broadcastId: b.id, seq, card });
      }
    });
    for (const p of pushes) this.emitCard(p.broadcastId, p.card, p.seq);
    return pushes.length;
  }
}

/** The cards after the current one, in line-up order (the queue), then from the start. */
export function queueAfter<T extends { id: string; position: number }>(cards: T[], currentId: string | null): T[] {
  const i = cards.findIndex((c) => c.id === currentId);
  return i < 0 ? cards : cards.slice(i + 1);
}

/** The card after the current one, wrapping round (autopilot). */
export function nextCard<T extends { id: string; position: number }>(cards: T[], currentId: string | null): T | null {
  if (!cards.length) return null;
  const i = cards.findIndex((c) => c.id === currentId);
  return cards[(i + 1) % cards.length];
}
