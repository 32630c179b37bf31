import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import type { ServerOptions } from 'socket.io';
import type { Metrics } from '../metrics/metrics.js';

/** The socket.io adapter: rooms shared by every API instance through Redis streams when REDIS_URL is set; connections counted for /metrics. */
export class RedisIoAdapter extends IoAdapter {
  private adapter?: ReturnType<typeof createAdapter>;
  private client?: ReturnType<typeof createClient>;

  constructor(app: ConstructorParameters<typeof IoAdapter>[0], private readonly metrics?: Metrics) {
    super(app);
  }

  async connect(url: string): Promise<void> {
    this.client = createClient({ url });
    await this.client.connect();
    this.adapter = createAdapter(this.client);
  }

  override createIOServer(port: number, options?: ServerOptions) {
    const server = super.createIOServer(port, options);
    if (this.adapter) server.adapter(this.adapter);
    this.metrics?.watchSockets(server);
    return server;
  }

  override async close(server: unknown): Promise<void> {
    await super.close(server as never);
    await this.client?.quit().catch(() => undefined);
  }
}
