import { Logger } from '@nestjs/common';
import { WebSocketGateway, WebSocketServer, type OnGatewayConnection, type OnGatewayInit } from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import { TokenService } from '../auth/token.service.js';
import type { NotificationType } from './notification.type.js';
import { userRoom, type ClientToServerEvents, type ServerToClientEvents } from './realtime.types.js';

/**
 * Live delivery of notifications. A socket authenticates on connect with `auth.token` (an access
 * token) and joins only its own `user:<id>` room; it cannot join any other.
 */
@WebSocketGateway({ path: '/socket.io', cors: { origin: true, credentials: true } })
export class NotificationsGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly logger = new Logger(NotificationsGateway.name);

  @WebSocketServer()
  server: Server<ClientToServerEvents, ServerToClientEvents>;

  constructor(private readonly tokens: TokenService) {}

  /** Authentication happens in the handshake: a bad token gets `connect_error` and never connects. */
  afterInit(server: Server): void {
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

  pushToUser(userId: string, notification: NotificationType): void {
    this.server?.to(userRoom(userId)).emit('notification:new', notification);
  }
}
