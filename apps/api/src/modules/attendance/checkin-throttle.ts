import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor.js';
import { tooManyRequests } from '../../common/errors/app-error.js';
import { SocketRateLimiter, type RateDecision } from '../../common/realtime/socket-rate-limiter.js';
import { AppConfig } from '../../config/app-config.js';

const MINUTE_MS = 60_000;

/**
 * Abuse limits on check-in (docs/development.md#rate-limits): scan uploads and walk-ins per station account and per
 * client address, each request one (a batch of 500 offline scans is one request), counted once the caller is known
 * to be allowed to scan for the event (a seeker's requests never count against a venue), in fixed one-minute windows —
 * shared by every API instance through Redis when `REDIS_URL` is set, per instance otherwise (also while Redis is
 * away). In memory or one Redis round trip: no PostgreSQL row to queue on, so a busy gate is not slowed. A refused
 * upload answers TOO_MANY_REQUESTS with `retryAfterSeconds`; the station keeps the scans queued and tries again.
 */
@Injectable()
export class CheckInThrottle {
  constructor(
    private readonly limiter: SocketRateLimiter,
    private readonly config: AppConfig,
  ) {}

  /**
   * Counts one check-in request of `actor` from `address` (Express `req.ip`), or refuses it (TOO_MANY_REQUESTS).
   * Without Redis it answers synchronously (undefined: nothing to await on a gate's hot path); with Redis, a promise.
   */
  take(actor: Actor, address: string | null | undefined): Promise<void> | void {
    // The account first: one over its own limit is refused before it uses up its address's (a venue's shared one).
    const checks: Array<[string, number]> = [[`checkin:user:${actor.id}`, this.config.checkinRequestsPerUserPerMinute]];
    if (address) checks.push([`checkin:addr:${address}`, this.config.checkinRequestsPerAddressPerMinute]);
    if (!this.limiter.shared) {
      for (const [key, limit] of checks) refuseIfOver(this.limiter.consumeLocal(key, limit, MINUTE_MS));
      return;
    }
    return (async () => {
      for (const [key, limit] of checks) refuseIfOver(await this.limiter.consume(key, limit, MINUTE_MS));
    })();
  }
}

function refuseIfOver(decision: RateDecision): void {
  if (decision.ok) return;
  const retryAfterSeconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
  throw tooManyRequests(
    { reason: 'TOO_MANY_SCANS', message: `Too many check-in requests; try again in ${retryAfterSeconds} s`, params: { seconds: retryAfterSeconds } },
    { retryAfterSeconds },
  );
}
