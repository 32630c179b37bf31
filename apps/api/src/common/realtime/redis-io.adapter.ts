import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import type { ServerOptions } from 'socket.io';
import type { Metrics } from '../metrics/metrics.js';

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
  private client?: ReturnType<typeof createClient>;

  constructor(app: ConstructorParameters<typeof IoAdapter>[0], private readonly metrics?: Metrics) {
    super(app);
  }

  async connect(url: string, keyPrefix = 'leye'): Promise<void> {
    this.client = createClient({ url });
    await this.client.connect();
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
