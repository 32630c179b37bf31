import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventAttachmentsService } from '../events/event-attachments.service.js';
import type { FeedEvent } from './ical-calendar.js';

const FEED_COLUMNS = `e.id, e.title, e.description, e.type, e.subtype, e.starts_at AS "startsAt", e.ends_at AS "endsAt", e.status,
  e.cancel_reason AS "cancelReason", e.is_online AS "isOnline", e.online_url AS "onlineUrl", v.name AS "venueName",
  v.address AS "venueAddress", e.updated_at AS "updatedAt"`;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/**
 * What the public and private iCalendar feeds contain, and the private feeds' tokens. A token is
 * 24 random bytes shown once, when issued; only its SHA-256 is stored (like refresh tokens).
 */
@Injectable()
export class CalendarFeedsService {
  constructor(
    private readonly ds: DataSource,
    private readonly attachments: EventAttachmentsService,
  ) {}

  /** Published events (cancelled ones too, so subscribers' calendars drop them) from 90 days ago on. */
  publicEvents(filter: { regionCode?: string; type?: string }): Promise<FeedEvent[]> {
    return this.ds.query(
      `SELECT ${FEED_COLUMNS} FROM event e LEFT JOIN venue v ON v.id = e.venue_id
        WHERE e.published_at IS NOT NULL AND e.ends_at > now() - interval '90 days'
          AND ($1::text IS NULL OR e.region_code = $1) AND ($2::text IS NULL OR e.type = $2)
        ORDER BY e.starts_at LIMIT 5000`,
      [filter.regionCode ?? null, filter.type ?? null],
    );
  }

  async publicEvent(id: string): Promise<FeedEvent | null> {
    const rows: FeedEvent[] = await this.ds.query(
      `SELECT ${FEED_COLUMNS} FROM event e LEFT JOIN venue v ON v.id = e.venue_id WHERE e.id = $1 AND e.published_at IS NOT NULL`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** The owner of a private feed token (and the language to word the feed in), if it is current. */
  async ownerOfToken(token: string): Promise<{ userId: string; locale: string } | null> {
    const rows: Array<{ userId: string; locale: string }> = await this.ds.query(
      `SELECT t.user_id AS "userId", u.locale FROM calendar_feed_token t JOIN app_user u ON u.id = t.user_id
        WHERE t.token_hash = $1 AND u.disabled_at IS NULL`,
      [sha256(token)],
    );
    return rows[0] ?? null;
  }

  /** The events that concern a user: whatever the attachment sources say they are attached to. */
  async privateEvents(userId: string): Promise<FeedEvent[]> {
    const ids = await this.attachments.eventsAttachedTo(userId);
    if (!ids.length) return [];
    return this.ds.query(
      `SELECT ${FEED_COLUMNS} FROM event e LEFT JOIN venue v ON v.id = e.venue_id
        WHERE e.id = ANY($1::uuid[]) AND e.ends_at > now() - interval '90 days' ORDER BY e.starts_at LIMIT 5000`,
      [ids],
    );
  }

  /** When the user's current feed link was issued, or null when they have none. */
  async issuedAt(userId: string): Promise<Date | null> {
    const rows: Array<{ created_at: Date }> = await this.ds.query(`SELECT created_at FROM calendar_feed_token WHERE user_id = $1`, [userId]);
    return rows[0]?.created_at ?? null;
  }

  /** Issues a new token for the user (the old one stops working) and returns it: the only time it is readable. */
  async issue(userId: string): Promise<{ token: string; issuedAt: Date }> {
    const token = randomBytes(24).toString('base64url');
    const rows: Array<{ created_at: Date }> = await this.ds.query(
      `INSERT INTO calendar_feed_token (user_id, token_hash) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = now() RETURNING created_at`,
      [userId, sha256(token)],
    );
    return { token, issuedAt: rows[0]!.created_at };
  }
}
