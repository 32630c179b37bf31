import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import type { ServerOptions } from 'socket.io';
import { Logger } from '@nestjs/common';
import type { Metrics } from '../metrics/metrics.js';
import { REDIS_RECONNECT } from './realtime-redis.js';

/** How long a dropped socket's rooms and missed packets are kept for it (a phone on a weak network). */
export const RECOVERY_WINDOW_MS = 2 * 60_000;

/**
 * The socket.io server of every gateway: connection-state recovery on (a socket that reconnects within
 * RECOVERY_WINDOW_MS gets its rooms back and the packets it missed; the handshake still authenticates it),
 * and with `REDIS_URL` socket.io's Redis streams adapter, so every instance delivers to every room and
 * recovery works across instances. Keys and streams start with `REDIS_KEY_PREFIX`.
 */
export class RealtimeIoAdapter extends IoAdapter {
  private adapter?: ReturnType<typeof createAdapter>;
  private client?: { quit(): Promise<unknown> };

  constructor(app: ConstructorParameters<typeof IoAdapter>[0], private readonly metrics?: Metrics) {
    super(app);
  }

  /**
   * Redis lost (test/faults-redis.e2e-spec.ts): every client reconnects by itself. The publishing client fails its
   * commands at once while disconnected, so a broadcast still reaches this instance's own sockets (the adapter
   * sends to Redis first, logs a failure, then delivers locally) instead of waiting for Redis; the stream readers
   * it duplicates keep the offline queue (their blocking read waits for the reconnection instead of spinning).
   */
  async connect(url: string, keyPrefix = 'leye'): Promise<void> {
    const logger = new Logger('RealtimeIoAdapter');
    const client = createClient({ url, socket: REDIS_RECONNECT, disableOfflineQueue: true });
    client.on('error', (error: Error) => logger.warn(`redis (socket.io adapter): ${error.message}`));
    const duplicate = client.duplicate.bind(client);
    client.duplicate = ((overrides?: Parameters<typeof duplicate>[0]) => duplicate({ ...overrides, disableOfflineQueue: false })) as typeof client.duplicate;
    this.client = client;
    await client.connect();
    this.adapter = createAdapter(this.client, {
      streamName: `${keyPrefix}:socket.io`,
      channelPrefix: `${keyPrefix}:socket.io`,
      sessionKeyPrefix: `${keyPrefix}:sio:session:`,
      onlyPlaintext: true,
    });
  }

  override createIOServer(port: number, options?: ServerOptions) {
    const server = super.createIOServer(port, {
      ...options,
      connectionStateRecovery: { maxDisconnectionDuration: RECOVERY_WINDOW_MS, skipMiddlewares: false },
    } as ServerOptions);
    if (this.adapter) server.adapter(this.adapter);
    this.metrics?.watchSockets(server);
    return server;
  }

  override async close(server: unknown): Promise<void> {
    await super.close(server as never);
    await this.client?.quit().catch(() => undefined);
  }
}

/** Kept for imports elsewhere: the adapter with Redis. */
export { RealtimeIoAdapter as RedisIoAdapter };
