import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { AppError, ErrorCode } from '../../common/errors/app-error.js';
import { RequestContext } from '../../common/request-context/request-context.js';
import { AppConfig } from '../../config/app-config.js';
import { reserveAttempt } from '../auth/throttle-counter.js';

const HOUR_SECONDS = 3600;

/**
 * Applications per seeker and per client address (docs/development.md#rate-limits): `applicationsPerUserPerHour`
 * and `applicationsPerAddressPerHour` free, then one every 10 minutes doubling up to an hour; forgotten after an
 * hour without applications. Held in `request_throttle`, so every API instance shares the counts. The address is
 * reserved first, so a refusal by the per-user key has used its place on the address key (as sign-in does).
 */
@Injectable()
export class ApplyThrottleService {
  constructor(
    private readonly ds: DataSource,
    private readonly config: AppConfig,
  ) {}

  async reserve(actor: Actor): Promise<void> {
    const address = RequestContext.ip();
    const rule = (free: number) => ({ free, backoffSeconds: 600, maxWaitSeconds: HOUR_SECONDS, forgetSeconds: HOUR_SECONDS });
    const waits = [
      address ? await reserveAttempt(this.ds, `apply-addr:${address}`, rule(this.config.applicationsPerAddressPerHour)) : null,
    ];
    if (waits[0] === null) waits.push(await reserveAttempt(this.ds, `apply-user:${actor.id}`, rule(this.config.applicationsPerUserPerHour)));
    const wait = waits.find((w) => w !== null);
    if (wait != null) {
      const minutes = Math.ceil(wait / 60);
      throw new AppError(ErrorCode.TOO_MANY_REQUESTS, `Too many applications; try again in ${minutes} minutes`, {
        reason: 'TOO_MANY_APPLICATIONS',
        params: { minutes },
        retryAfterSeconds: wait,
      });
    }
  }
}
