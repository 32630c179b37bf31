import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ScheduledJob } from '../../common/jobs/scheduled-job.decorator.js';
import { AppConfig } from '../../config/app-config.js';

/** Keeps the session tables small: expired refresh tokens and login failures outside every window. */
@Injectable()
export class SessionPruningJob {
  constructor(
    private readonly ds: DataSource,
    private readonly config: AppConfig,
  ) {}

  @ScheduledJob({ name: 'auth.prune-sessions', cron: '30 3 * * *' })
  async prune(now: Date = new Date()): Promise<{ refreshTokens: number; loginFailures: number }> {
    // A day of grace after expiry keeps reuse detection working for tokens presented just too late.
    const [, refreshTokens]: [unknown, number] = await this.ds.query(`DELETE FROM refresh_token WHERE expires_at < $1::timestamptz - interval '1 day'`, [now]);
    const keepSeconds = Math.max(this.config.loginFailureWindowSeconds, 86_400);
    const [, loginFailures]: [unknown, number] = await this.ds.query(
      `DELETE FROM login_failure WHERE created_at < $1::timestamptz - make_interval(secs => $2)`,
      [now, keepSeconds],
    );
    return { refreshTokens, loginFailures };
  }
}
