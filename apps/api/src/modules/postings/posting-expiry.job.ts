import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { shanghaiToday } from '@leye/domain';
import { DomainEvents } from '../../common/domain-events/domain-events.service.js';
import { ScheduledJob } from '../../common/jobs/scheduled-job.decorator.js';
import './posting.domain-events.js';

const BATCH = 500;

/**
 * Postings (approved or still pending) whose valid-until date has passed become EXPIRED, with one
 * `posting.expired` domain event per batch (employers are told). Public queries already hide them
 * from the first day after the date, so running late never shows an expired posting.
 */
@Injectable()
export class PostingExpiryJob {
  constructor(
    private readonly ds: DataSource,
    private readonly domainEvents: DomainEvents,
  ) {}

  @ScheduledJob({ name: 'postings.expire', cron: '5 0 * * *' })
  async expire(now: Date = new Date()): Promise<{ expired: number }> {
    const today = shanghaiToday(now);
    let expired = 0;
    for (;;) {
      const n = await this.ds.transaction(async (m) => {
        const [rows]: [Array<{ postingId: string; employerId: string; title: string }>, number] = await m.query(
          `UPDATE job_posting SET status = 'EXPIRED', updated_at = now()
            WHERE id IN (SELECT id FROM job_posting WHERE status IN ('APPROVED','PENDING_REVIEW') AND valid_until < $1::date
                          ORDER BY valid_until LIMIT $2 FOR UPDATE SKIP LOCKED)
            RETURNING id AS "postingId", employer_id AS "employerId", title`,
          [today, BATCH],
        );
        if (rows.length) await this.domainEvents.record(m, 'posting.expired', { postings: rows }, { actor: null });
        return rows.length;
      });
      expired += n;
      if (n < BATCH) return { expired };
    }
  }
}
