import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainEvents } from '../../../common/domain-events/domain-events.service.js';
import { ScheduledJob } from '../../../common/jobs/scheduled-job.decorator.js';
import '../event.domain-events.js';

const BATCH = 500;

/** Published events whose end has passed become COMPLETED, with an `event.completed` domain event per batch. */
@Injectable()
export class EventLifecycleJob {
  constructor(
    private readonly ds: DataSource,
    private readonly domainEvents: DomainEvents,
  ) {}

  @ScheduledJob({ name: 'events.complete-ended', cron: '*/5 * * * *' })
  async completeEnded(now: Date = new Date()): Promise<{ completed: number }> {
    let completed = 0;
    for (;;) {
      const ids = await this.ds.transaction(async (m) => {
        const rows: Array<{ id: string }> = await m.query(
          `UPDATE event SET status = 'COMPLETED', updated_at = now()
            WHERE id IN (SELECT id FROM event WHERE status = 'PUBLISHED' AND ends_at <= $1 ORDER BY ends_at LIMIT $2 FOR UPDATE SKIP LOCKED)
            RETURNING id`,
          [now, BATCH],
        ).then((r: [Array<{ id: string }>, number]) => r[0]);
        if (rows.length) await this.domainEvents.record(m, 'event.completed', { eventIds: rows.map((r) => r.id) }, { actor: null });
        return rows.map((r) => r.id);
      });
      completed += ids.length;
      if (ids.length < BATCH) return { completed };
    }
  }
}
