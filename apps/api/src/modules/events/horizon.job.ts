import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config.js';
import { EventSeriesService } from './event-series.service.js';

const LOCK_KEY = 7_201_600; // pg advisory lock: one instance extends horizons at a time

/** Periodically extends series horizons. Several API instances may run; the advisory lock picks one. */
@Injectable()
export class HorizonJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(HorizonJob.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly config: AppConfig,
    private readonly ds: DataSource,
    private readonly series: EventSeriesService,
  ) {}

  onApplicationBootstrap(): void {
    const minutes = this.config.horizonJobIntervalMinutes;
    if (!minutes) return;
    this.timer = setInterval(() => void this.runOnce(), minutes * 60_000);
    this.timer.unref();
    setTimeout(() => void this.runOnce(), 5_000).unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async runOnce(): Promise<number | null> {
    const runner = this.ds.createQueryRunner();
    try {
      await runner.connect();
      const [{ locked }] = await runner.query(`SELECT pg_try_advisory_lock($1) AS locked`, [LOCK_KEY]);
      if (!locked) return null;
      try {
        const added = await this.series.extendHorizons();
        if (added) this.logger.log(`horizon job added ${added} occurrences`);
        return added;
      } finally {
        await runner.query(`SELECT pg_advisory_unlock($1)`, [LOCK_KEY]);
      }
    } catch (error) {
      this.logger.error(`horizon job failed: ${(error as Error).message}`);
      return null;
    } finally {
      await runner.release();
    }
  }
}
