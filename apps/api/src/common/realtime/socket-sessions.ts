import { Injectable } from '@nestjs/common';
import type { Namespace, Server, Socket } from 'socket.io';
import { AccessTokenVerifier, type AccessGrant } from '../auth/access-token-verifier.js';
import { SessionEvents } from '../auth/session-events.js';

/** setTimeout holds at most 2^31-1 ms; a longer-lived token is re-checked then. */
const MAX_TIMER_MS = 2_147_483_647;

/** Every socket of one login session (refresh-token family), in every namespace: logout disconnects them on every instance. */
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;

type Middleware = Parameters<Namespace['use']>[0];

/**
 * The one place sockets are authenticated, for every gateway and namespace (notifications on `/`, broadcasts
 * on `/live`). The handshake carries `auth.token` (an access token): `handshake({ required: true })` refuses a
 * socket without a valid one (`connect_error` UNAUTHENTICATED); `{ required: false }` admits anonymous sockets
 * (broadcast viewers) but still refuses a bad token, so a client learns to refresh it. `attach` puts a signed-in
 * socket in its session's room and ends it with its token; the session ending (logout, stolen refresh token:
 * `SessionEvents`) disconnects the session's sockets in every registered namespace, on every instance when the
 * Redis adapter is in use.
 */
@Injectable()
export class SocketSessions {
  private readonly namespaces = new Set<Namespace | Server>();
  private readonly expiryTimers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly tokens: AccessTokenVerifier,
    sessions: SessionEvents,
  ) {
    sessions.onSessionEnded((sessionId) => this.endSession(sessionId));
  }

  /** Registers a namespace (or the default one, as a Server) and its handshake check. */
  register(nsp: Namespace | Server, opts: { required: boolean }): void {
    this.namespaces.add(nsp);
    nsp.use(this.handshake(opts));
  }

  handshake(opts: { required: boolean }): Middleware {
    return (socket, next) => {
      const token = typeof socket.handshake.auth?.token === 'string' ? socket.handshake.auth.token : '';
      if (!token) {
        if (opts.required) return next(unauthenticated());
        socket.data.grant = undefined;
        return next();
      }
      this.tokens.verifyAccessToken(token).then(
        (grant) => {
          if (!grant) return next(unauthenticated());
          socket.data.grant = grant;
          next();
        },
        (error: Error) => next(error),
      );
    };
  }

  grant(socket: Socket): AccessGrant | undefined {
    return socket.data.grant as AccessGrant | undefined;
  }

  /** Joins the session room and schedules the disconnect at token expiry; false when the token has already expired. */
  async attach(socket: Socket): Promise<boolean> {
    const grant = this.grant(socket);
    if (!grant) return true;
    const msLeft = grant.expiresAt.getTime() - Date.now();
    if (msLeft <= 0) {
      socket.disconnect(true);
      return false;
    }
    this.expiryTimers.set(socket.id, setTimeout(() => socket.disconnect(true), Math.min(msLeft, MAX_TIMER_MS)).unref());
    if (grant.sessionId) await socket.join(sessionRoom(grant.sessionId));
    return true;
  }

  detach(socket: Socket): void {
    clearTimeout(this.expiryTimers.get(socket.id));
    this.expiryTimers.delete(socket.id);
  }

  /** Disconnects every socket of a session in every namespace; with the Redis adapter this reaches every instance. */
  endSession(sessionId: string): void {
    for (const nsp of this.namespaces) nsp.in(sessionRoom(sessionId)).disconnectSockets(true);
  }
}

function unauthenticated(): Error {
  return Object.assign(new Error('UNAUTHENTICATED'), { data: { code: 'UNAUTHENTICATED' } });
}
