import { Injectable } from '@nestjs/common';
import { RealtimeRedis } from './realtime-redis.js';

export interface RateDecision {
  ok: boolean;
  /** When the window resets (0 when allowed). */
  retryAfterMs: number;
}

/**
 * Fixed-window rate limits for socket events and chat: `consume('chat:<user>', 5, 10_000)`. With Redis the
 * window is shared by every instance (INCR + PEXPIRE on one key per window), so a client reconnecting to
 * another instance gains nothing; without Redis, and while Redis is unreachable, the count lives in this process
(the limit then holds per instance).
 */
@Injectable()
export class SocketRateLimiter {
  private readonly local = new Map<string, { window: number; count: number; until: number }>();
  private sweptAt = 0;

  constructor(private readonly redis: RealtimeRedis) {}

  async consume(key: string, limit: number, windowMs: number, now = Date.now()): Promise<RateDecision> {
    const window = Math.floor(now / windowMs);
    const retryAfterMs = (window + 1) * windowMs - now;
    const client = await this.redis.get();
    if (client) {
      const k = this.redis.key('rl', key, String(window));
      try {
        const [count] = (await client.multi().incr(k).pExpire(k, windowMs + 1000).exec()) as unknown as [number, unknown];
        return Number(count) <= limit ? { ok: true, retryAfterMs: 0 } : { ok: false, retryAfterMs };
      } catch {
        // Redis went away mid-call: this instance's own count decides (below), as while Redis is down.
      }
    }
    return this.consumeLocal(key, limit, windowMs, now);
  }

  /** Whether limits are shared through Redis (REDIS_URL set); without it `consumeLocal` is the whole story. */
  get shared(): boolean {
    return this.redis.enabled;
  }

  /** This instance's own count, synchronously (no Redis: a hot path such as a gate's scans pays no await). */
  consumeLocal(key: string, limit: number, windowMs: number, now = Date.now()): RateDecision {
    const window = Math.floor(now / windowMs);
    const retryAfterMs = (window + 1) * windowMs - now;
    this.sweep(now);
    const entry = this.local.get(key);
    if (!entry || entry.window !== window) {
      this.local.set(key, { window, count: 1, until: (window + 1) * windowMs });
      return { ok: true, retryAfterMs: 0 };
    }
    entry.count += 1;
    return entry.count <= limit ? { ok: true, retryAfterMs: 0 } : { ok: false, retryAfterMs };
  }

  /** Forgets windows that have passed (at most once a minute). */
  private sweep(now: number): void {
    if (now - this.sweptAt < 60_000) return;
    this.sweptAt = now;
    for (const [key, entry] of this.local) if (entry.until < now) this.local.delete(key);
  }
}
