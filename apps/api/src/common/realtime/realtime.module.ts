import { Global, Module } from '@nestjs/common';
import { Presence } from './presence.js';
import { RealtimeRedis } from './realtime-redis.js';
import { SocketRateLimiter } from './socket-rate-limiter.js';
import { SocketSessions } from './socket-sessions.js';

/**
 * Realtime (docs/architecture.md#realtime): what every socket.io gateway shares — handshake authentication and
 * session-bound sockets (`SocketSessions`), per-socket rate limits (`SocketRateLimiter`), counts of who is in
 * a room across instances (`Presence`), all on Redis when `REDIS_URL` is set. The socket.io server itself
 * (connection-state recovery, the Redis streams adapter) is set up by `RealtimeIoAdapter`.
 */
@Global()
@Module({
  providers: [RealtimeRedis, SocketSessions, SocketRateLimiter, Presence],
  exports: [RealtimeRedis, SocketSessions, SocketRateLimiter, Presence],
})
export class RealtimeModule {}
