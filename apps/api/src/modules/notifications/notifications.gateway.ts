import { Logger } from '@nestjs/common';
import { WebSocketGateway, WebSocketServer, type OnGatewayConnection } from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import { TokenService } from '../auth/token.service.js';
import type { NotificationType } from './notification.type.js';
import { userRoom, type ClientToServerEvents, type ServerToClientEvents } from './realtime.types.js';

/**
 * Live delivery of notifications. A socket authenticates on connect with `auth.token` (an access
 * token) and joins only its own `user:<id>` room; it cannot join any other.
 */
@WebSocketGateway({ path: '/socket.io', cors: { origin: true, credentials: true } })
export class NotificationsGateway implements OnGatewayConnection {
  private readonly logger = new Logger(NotificationsGateway.name);

  @WebSocketServer()
  server: Server<ClientToServerEvents, ServerToClientEvents>;

  constructor(private readonly tokens: TokenService) {}

  async handleConnection(socket: Socket): Promise<void> {
    const token = typeof socket.handshake.auth?.token === 'string' ? socket.handshake.auth.token : '';
    const actor = token ? await this.tokens.actorForAccessToken(token) : null;
    if (!actor) {
      socket.emit('error' as never, { code: 'UNAUTHENTICATED', message: 'Sign in first' } as never);
      socket.disconnect(true);
      return;
    }
    socket.data.actor = actor;
    await socket.join(userRoom(actor.id));
    this.logger.debug(`socket ${socket.id} joined ${userRoom(actor.id)}`);
  }

  pushToUser(userId: string, notification: NotificationType): void {
    this.server?.to(userRoom(userId)).emit('notification:new', notification);
  }
}
