import { Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { WebSocketGateway, WebSocketServer, type OnGatewayConnection, type OnGatewayDisconnect, type OnGatewayInit } from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import type { Pool, PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { Permissions } from '../../common/permissions/permissions.service.js';
import { SocketSessions } from '../../common/realtime/socket-sessions.js';
import { NotificationEntity } from './notification.entity.js';
import { toNotificationType, type NotificationType } from './notification.type.js';
import { NOTIFICATION_CHANNEL, userRoom, type ClientToServerEvents, type ServerToClientEvents } from './realtime.types.js';

/**
 * Live delivery of notifications. A socket authenticates on connect with `auth.token` (an access
 * token), joins only what `notification.read` allows (its own `user:<id>` room) and its session's
 * `session:<id>` room, and is disconnected when the token expires (the client reconnects with a
 * fresh one) or when its session logs out.
 */
@WebSocketGateway({ path: '/socket.io', cors: { origin: true, credentials: true } })
export class NotificationsGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, BeforeApplicationShutdown {
  private readonly logger = new Logger(NotificationsGateway.name);

  @WebSocketServer()
  server: Server<ClientToServerEvents, ServerToClientEvents>;

  private listener?: PoolClient;
  private relistenTimer?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly sockets: SocketSessions,
    private readonly permissions: Permissions,
    private readonly ds: DataSource,
  ) {}

  /** Authentication happens in the handshake (the realtime module's `SocketSessions`): a bad token gets `connect_error` and never connects. */
  afterInit(server: Server): void {
    void this.listen();
    this.sockets.register(server, { required: true });
  }

  async handleConnection(socket: Socket): Promise<void> {
    const actor: Actor | undefined = this.sockets.grant(socket)?.actor;
    if (!actor || !this.permissions.can(actor, 'notification.read', { userId: actor.id })) {
      socket.disconnect(true);
      return;
    }
    // The socket lives no longer than its token (the client reconnects with a fresh one) or its session.
    if (!(await this.sockets.attach(socket))) return;
    await socket.join(userRoom(actor.id));
    this.logger.debug(`socket ${socket.id} joined ${userRoom(actor.id)}`);
  }

  /**
   * Notifications written by a worker (in this process or another) are announced on a PostgreSQL
   * channel; each process with sockets pushes them to its own sockets only, so none arrives twice.
   */
  private async listen(): Promise<void> {
    if (this.stopped) return;
    let client: PoolClient | undefined;
    try {
      const pool = (this.ds.driver as unknown as { master: Pool }).master;
      client = await pool.connect();
      this.listener = client;
      // A lost connection (database restart, network) must not crash the process: give it back and listen again.
      client.on('error', (error) => {
        if (this.listener !== client) return; // already given back (shut down, or an earlier error)
        this.listener = undefined;
        this.logger.warn(`notification listener lost its connection: ${error.message}; listening again`);
        client?.release(error);
        this.relisten();
      });
      client.on('notification', (msg) => void this.pushStored(msg.payload ?? '[]'));
      await client.query(`LISTEN ${NOTIFICATION_CHANNEL}`);
    } catch (error) {
      this.logger.error(`cannot listen for new notifications: ${(error as Error).message}`);
      if (client && this.listener === client) {
        this.listener = undefined;
        client.release(error as Error);
      }
      this.relisten();
    }
  }

  private relisten(): void {
    if (this.stopped || this.relistenTimer) return;
    this.relistenTimer = setTimeout(() => {
      this.relistenTimer = undefined;
      void this.listen();
    }, 2_000).unref();
  }

  private async pushStored(payload: string): Promise<void> {
    try {
      const ids = JSON.parse(payload) as string[];
      const rows = await this.ds.getRepository(NotificationEntity).find({ where: ids.map((id) => ({ id })) });
      for (const row of rows) this.server?.local.to(userRoom(row.userId)).emit('notification:new', toNotificationType(row));
    } catch (error) {
      this.logger.error(`cannot push new notifications: ${(error as Error).message}`);
    }
  }

  /** Give the listening connection back before the pool closes. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.relistenTimer);
    const listener = this.listener;
    this.listener = undefined;
    if (!listener) return;
    await listener.query(`UNLISTEN *`).catch(() => undefined);
    listener.release();
  }

  handleDisconnect(socket: Socket): void {
    this.sockets.detach(socket);
  }

  pushToUser(userId: string, notification: NotificationType): void {
    this.server?.to(userRoom(userId)).emit('notification:new', notification);
  }

  /** Disconnects every socket of a session (every namespace); with the Redis adapter this reaches every instance. */
  endSession(sessionId: string): void {
    this.sockets.endSession(sessionId);
  }
}
