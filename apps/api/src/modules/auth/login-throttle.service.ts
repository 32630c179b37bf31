import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config.js';
import { AppError, ErrorCode } from '../../common/errors/app-error.js';

/**
 * Repeated failed logins for one account name are refused for a while. Counted in PostgreSQL so
 * every API instance sees the same count.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    private readonly ds: DataSource,
    private readonly config: AppConfig,
  ) {}

  async assertAllowed(loginKey: string): Promise<void> {
    const [row]: Array<{ n: number }> = await this.ds.query(
      `SELECT count(*)::int AS n FROM login_failure WHERE login_key = $1 AND created_at > now() - make_interval(secs => $2)`,
      [loginKey, this.config.loginFailureWindowSeconds],
    );
    if (row!.n >= this.config.loginMaxFailures) {
      const minutes = Math.ceil(this.config.loginFailureWindowSeconds / 60);
      throw new AppError(ErrorCode.TOO_MANY_REQUESTS, `Too many failed sign-ins; try again in ${minutes} minutes`, {
        reason: 'TOO_MANY_LOGIN_FAILURES',
        params: { minutes },
      });
    }
  }

  async recordFailure(loginKey: string): Promise<void> {
    await this.ds.query(`INSERT INTO login_failure (login_key) VALUES ($1)`, [loginKey]);
  }

  async clear(loginKey: string): Promise<void> {
    await this.ds.query(`DELETE FROM login_failure WHERE login_key = $1`, [loginKey]);
  }
}
