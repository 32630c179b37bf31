import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { createClient } from 'redis';
import { AppConfig } from '../../config/app-config.js';

/** Reconnects every 0.2 s … 2 s, for ever; while disconnected, commands fail at once instead of waiting (callers fall back). */
export const REDIS_RECONNECT = { reconnectStrategy: (n: number) => Math.min(n * 200, 2000) };
const makeClient = (url: string) => createClient({ url, socket: REDIS_RECONNECT, disableOfflineQueue: true });
export type RedisClient = ReturnType<typeof makeClient>;

/**
 * The realtime module's Redis connection (rate limits, viewer counts), when `REDIS_URL` is set; null otherwise,
 * and the callers fall back to in-process state. Every key starts with `REDIS_KEY_PREFIX` so deployments (and
 * parallel tests) sharing one Redis do not see each other's keys.
 */
@Injectable()
export class RealtimeRedis implements OnApplicationShutdown {
  private readonly logger = new Logger(RealtimeRedis.name);
  private client?: RedisClient;
  private connecting?: Promise<RedisClient | null>;

  constructor(private readonly config: AppConfig) {}

  get enabled(): boolean {
    return !!this.config.redisUrl;
  }

  key(...parts: string[]): string {
    return [this.config.redisKeyPrefix, ...parts].join(':');
  }

  /**
   * The connected client, or null without REDIS_URL, and while Redis is unreachable (callers degrade to local state;
   * the client reconnects by itself and is handed out again once ready: test/faults-redis.e2e-spec.ts).
   */
  async get(): Promise<RedisClient | null> {
    if (!this.config.redisUrl) return null;
    if (this.client) return this.client.isReady ? this.client : null;
    this.connecting ??= (async () => {
      const client = makeClient(this.config.redisUrl!);
      client.on('error', (error: Error) => this.logger.warn(`redis: ${error.message}`));
      await client.connect();
      this.client = client;
      return client;
    })().catch((error: Error) => {
      this.logger.warn(`redis unavailable: ${error.message}`);
      this.connecting = undefined;
      return null;
    });
    return (await this.connecting) ?? null;
  }

  async onApplicationShutdown(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client) await client.quit().catch(() => undefined);
  }
}
