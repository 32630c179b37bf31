import { Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { WebSocketGateway, WebSocketServer, type OnGatewayConnection, type OnGatewayInit } from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import type { Pool, PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { TokenService } from '../auth/token.service.js';
import { NotificationEntity } from './notification.entity.js';
import { toNotificationType, type NotificationType } from './notification.type.js';
import { NOTIFICATION_CHANNEL, userRoom, type ClientToServerEvents, type ServerToClientEvents } from './realtime.types.js';

/**
 * Live delivery of notifications. A socket authenticates on connect with `auth.token` (an access
 * token) and joins only its own `user:<id>` room; it cannot join any other.
 */
@WebSocketGateway({ path: '/socket.io', cors: { origin: true, credentials: true } })
export class NotificationsGateway implements OnGatewayInit, OnGatewayConnection, BeforeApplicationShutdown {
  private readonly logger = new Logger(NotificationsGateway.name);

  @WebSocketServer()
  server: Server<ClientToServerEvents, ServerToClientEvents>;

  private listener?: PoolClient;

  constructor(
    private readonly tokens: TokenService,
    private readonly ds: DataSource,
  ) {}

  /** Authentication happens in the handshake: a bad token gets `connect_error` and never connects. */
  afterInit(server: Server): void {
    void this.listen();
    server.use((socket, next) => {
      const token = typeof socket.handshake.auth?.token === 'string' ? socket.handshake.auth.token : '';
      void (token ? this.tokens.actorForAccessToken(token) : Promise.resolve(null)).then(
        (actor) => {
          if (!actor) return next(Object.assign(new Error('UNAUTHENTICATED'), { data: { code: 'UNAUTHENTICATED' } }));
          socket.data.actor = actor;
          next();
        },
        (error: Error) => next(error),
      );
    });
  }

  async handleConnection(socket: Socket): Promise<void> {
    const actor = socket.data.actor as { id: string } | undefined;
    if (!actor) {
      socket.disconnect(true);
      return;
    }
    await socket.join(userRoom(actor.id));
    this.logger.debug(`socket ${socket.id} joined ${userRoom(actor.id)}`);
  }

  /**
   * Notifications written by a worker (in this process or another) are announced on a PostgreSQL
   * channel; each process with sockets pushes them to its own sockets only, so none arrives twice.
   */
  private async listen(): Promise<void> {
    try {
      const pool = (this.ds.driver as unknown as { master: Pool }).master;
      this.listener = await pool.connect();
      this.listener.on('notification', (msg) => void this.pushStored(msg.payload ?? '[]'));
      await this.listener.query(`LISTEN ${NOTIFICATION_CHANNEL}`);
    } catch (error) {
      this.logger.error(`cannot listen for new notifications: ${(error as Error).message}`);
    }
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
    const listener = this.listener;
    this.listener = undefined;
    if (!listener) return;
    await listener.query(`UNLISTEN *`).catch(() => undefined);
    listener.release();
  }

  pushToUser(userId: string, notification: NotificationType): void {
    this.server?.to(userRoom(userId)).emit('notification:new', notification);
  }
}
