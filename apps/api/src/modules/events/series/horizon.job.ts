import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ScheduledJob } from '../../../common/jobs/scheduled-job.decorator.js';
import { EventSeriesService, type HorizonFailure } from './event-series.service.js';

const LOCK_KEY = 7_201_600; // pg advisory lock: one run extends horizons at a time

/** Extends series horizons on the job queue's schedule. Each series is handled on its own. */
@Injectable()
export class HorizonJob {
  private readonly logger = new Logger(HorizonJob.name);

  constructor(
    private readonly ds: DataSource,
    private readonly series: EventSeriesService,
  ) {}

  /** The scheduled run: fails (so admins see it among failed jobs) only after every other series was extended. */
  @ScheduledJob({ name: 'series.extend-horizons', cron: '0 */6 * * *' })
  async run(): Promise<{ added: number }> {
    const failures: HorizonFailure[] = [];
    const added = await this.runOnce(failures);
    if (failures.length) {
      throw new Error(`horizon: ${failures.length} series failed (${failures.map((f) => `${f.seriesId}: ${f.error}`).join('; ')}); ${added ?? 0} occurrences added to the others`);
    }
    return { added: added ?? 0 };
  }

  /** One pass; null when another run holds the lock. Failing series are logged and pushed to `failures`. */
  async runOnce(failures: HorizonFailure[] = []): Promise<number | null> {
    const runner = this.ds.createQueryRunner();
    try {
      await runner.connect();
      const [{ locked }] = await runner.query(`SELECT pg_try_advisory_lock($1) AS locked`, [LOCK_KEY]);
      if (!locked) return null;
      try {
        const before = failures.length;
        const added = await this.series.extendHorizons(undefined, failures);
        if (added) this.logger.log(`horizon job added ${added} occurrences`);
        for (const f of failures.slice(before)) this.logger.error(`horizon job: series ${f.seriesId} failed: ${f.error}`);
        return added;
      } finally {
        await runner.query(`SELECT pg_advisory_unlock($1)`, [LOCK_KEY]);
      }
    } finally {
      await runner.release();
    }
  }
}
