import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CITY_REGION_CODE } from '@leye/domain';
import { NotificationEntity } from './notification.entity.js';
import type { NotificationMessage } from './notification-messages.js';
import { NOTIFICATION_CHANNEL } from './realtime.types.js';

/** Ids per NOTIFY payload (PostgreSQL caps a payload at 8000 bytes). */
const NOTIFY_CHUNK = 100;

/** The notification centre: domain-event subscribers post to it (stored first, then pushed live); users read it. */
@Injectable()
export class NotificationsService {
  constructor(private readonly ds: DataSource) {}

  /**
   * Posts a message on behalf of a domain event, in batches. Idempotent: (event, recipient) is
   * unique, so a retried fan-out writes and pushes only what is still missing.
   */
  async postForEvent(sourceEventId: string, userIds: string[], message: NotificationMessage, batchSize = 500): Promise<number> {
    let written = 0;
    for (let i = 0; i < userIds.length; i += batchSize) {
      const rows: Array<{ id: string }> = await this.ds.query(
        `INSERT INTO notification (user_id, kind, title, body, link, data, source_event_id)
         SELECT u.id, $2, CASE WHEN u.locale = 'en' THEN $5 ELSE $3 END, CASE WHEN u.locale = 'en' THEN $6 ELSE $4 END, $7, $8, $9
           FROM app_user u WHERE u.id = ANY($1::uuid[]) AND u.disabled_at IS NULL
         ON CONFLICT (source_event_id, user_id) WHERE source_event_id IS NOT NULL DO NOTHING
         RETURNING id`,
        [userIds.slice(i, i + batchSize), message.kind, message.zh.title, message.zh.body, message.en.title, message.en.body, message.link ?? null, message.data ?? {}, sourceEventId],
      );
      // Pushed by whichever processes hold sockets (a worker may run apart from them): see NotificationsGateway.
      for (let j = 0; j < rows.length; j += NOTIFY_CHUNK) {
        await this.ds.query(`SELECT pg_notify($1, $2)`, [NOTIFICATION_CHANNEL, JSON.stringify(rows.slice(j, j + NOTIFY_CHUNK).map((r) => r.id))]);
      }
      written += rows.length;
    }
    return written;
  }

  async employerMemberIds(employerId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.ds.query(`SELECT id FROM app_user WHERE employer_id = $1`, [employerId]);
    return rows.map((r) => r.id);
  }

  /** Organizers who cover a region: its own, and the city's. */
  async regionOrganizerIds(regionCode: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.ds.query(
      `SELECT id FROM app_user WHERE role = 'ORGANIZER' AND region_code IN ($1, $2) AND disabled_at IS NULL`,
      [regionCode, CITY_REGION_CODE],
    );
    return rows.map((r) => r.id);
  }

  async page(userId: string, opts: { unreadOnly: boolean; take: number; skip: number }) {
    const qb = this.ds.getRepository(NotificationEntity).createQueryBuilder('n').where('n.user_id = :userId', { userId });
    if (opts.unreadOnly) qb.andWhere('n.read_at IS NULL');
    const [items, total] = await qb.orderBy('n.created_at', 'DESC').addOrderBy('n.id', 'DESC').take(opts.take).skip(opts.skip).getManyAndCount();
    return { items, total, unreadCount: await this.unreadCount(userId) };
  }

  async unreadCount(userId: string): Promise<number> {
    const [row]: Array<{ n: number }> = await this.ds.query(
      `SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    );
    return row!.n;
  }

  /** Marks the caller's own notifications read; ids of other users' notifications are ignored. */
  async markRead(userId: string, ids: string[] | null): Promise<number> {
    const result: [unknown, number] = await this.ds.query(
      `UPDATE notification SET read_at = now()
        WHERE user_id = $1 AND read_at IS NULL AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[]))`,
      [userId, ids],
    );
    return result[1];
  }
}
