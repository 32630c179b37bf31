import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventAttachmentsService } from '../events/event-attachments.service.js';
import type { FeedEvent } from './ical-calendar.js';

const FEED_COLUMNS = `e.id, e.title, e.description, e.type, e.subtype, e.starts_at AS "startsAt", e.ends_at AS "endsAt", e.status,
  e.cancel_reason AS "cancelReason", e.is_online AS "isOnline", e.online_url AS "onlineUrl", v.name AS "venueName",
  v.address AS "venueAddress", e.updated_at AS "updatedAt"`;

/** What the public and private iCalendar feeds contain, and the private feeds' tokens. */
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

  async userByToken(token: string): Promise<string | null> {
    const rows: Array<{ user_id: string }> = await this.ds.query(
      `SELECT t.user_id FROM calendar_feed_token t JOIN app_user u ON u.id = t.user_id WHERE t.token = $1 AND u.disabled_at IS NULL`,
      [token],
    );
    return rows[0]?.user_id ?? null;
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

  async tokenFor(userId: string, rotate = false): Promise<string> {
    const token = randomBytes(24).toString('base64url');
    const rows: Array<{ token: string }> = await this.ds.query(
      rotate
        ? `INSERT INTO calendar_feed_token (user_id, token) VALUES ($1, $2) ON CONFLICT (user_id) DO UPDATE SET token = EXCLUDED.token, created_at = now() RETURNING token`
        : `INSERT INTO calendar_feed_token (user_id, token) VALUES ($1, $2) ON CONFLICT (user_id) DO UPDATE SET token = calendar_feed_token.token RETURNING token`,
      [userId, token],
    );
    return rows[0]!.token;
  }
}
