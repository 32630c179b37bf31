import { Logger } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway, WebSocketServer, type OnGatewayConnection, type OnGatewayDisconnect, type OnGatewayInit } from '@nestjs/websockets';
import type { Socket } from 'socket.io';
import {
  LIVE_MUTE_MINUTES,
  LIVE_SOCKET_REASONS,
  liveHostRoom,
  liveRoom,
  liveUserRoom,
  type LiveAck,
  type LiveChatAck,
  type LiveJoinAck,
  type LiveModerateRequest,
  type LiveSocketReason,
} from '@leye/domain';
import type { Actor } from '../../common/auth/actor.js';
import { AppError } from '../../common/errors/app-error.js';
import { Permissions } from '../../common/permissions/permissions.service.js';
import { Presence } from '../../common/realtime/presence.js';
import { SocketRateLimiter } from '../../common/realtime/socket-rate-limiter.js';
import { SocketSessions } from '../../common/realtime/socket-sessions.js';
import { AppConfig } from '../../config/app-config.js';
import { AutopilotRunner } from './autopilot.runner.js';
import { BroadcastLiveService } from './broadcast-live.service.js';
import { BroadcastsService, type BroadcastRow } from './broadcasts.service.js';
import { LiveChannel, type LiveNamespace } from './live-channel.js';
import { ViewerLedger } from './viewer-ledger.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VIEWER_KEY = /^[A-Za-z0-9_-]{8,64}$/;
/** Every socket: at most 20 requests per 5 s (chat has its own, stricter limit per user). */
export const SOCKET_RATE = { limit: 20, windowMs: 5_000 } as const;

const isUuid = (v: unknown): v is string => typeof v === 'string' && UUID.test(v);
const reasons = new Set<string>(LIVE_SOCKET_REASONS);

/** An AppError as an ack reason (the socket contract's closed list), anything else logged and INVALID_INPUT. */
function refusal(error: unknown): { ok: false; reason: LiveSocketReason; retryAfterMs?: number } {
  if (error instanceof AppError) {
    const reason = error.reason === 'BROADCAST_ENDED' ? 'BROADCAST_NOT_LIVE' : error.reason === 'FORBIDDEN' || error.reason === 'NOT_ALLOWED' ? 'NOT_A_HOST' : error.reason;
    const params = (error.extensions as { params?: { retryAfterSeconds?: number } }).params;
    if (reasons.has(reason)) return { ok: false, reason: reason as LiveSocketReason, ...(params?.retryAfterSeconds ? { retryAfterMs: params.retryAfterSeconds * 1000 } : {}) };
    if (error.extensions.code === 'UNAUTHENTICATED') return { ok: false, reason: 'UNAUTHENTICATED' };
    if (error.extensions.code === 'NOT_FOUND') return { ok: false, reason: 'BROADCAST_NOT_FOUND' };
  }
  return { ok: false, reason: 'INVALID_INPUT' };
}

/**
 * The `/live` namespace (contract: `packages/domain/src/live.ts`). Anonymous sockets are admitted (and counted)
 * beside signed-in ones; the realtime module authenticates the handshake and ends sockets with their session.
 * Host events go through the same service methods and permission rules as the GraphQL mutations.
 */
@WebSocketGateway({ path: '/socket.io', namespace: 'live', cors: { origin: true, credentials: true } })
export class BroadcastsGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  private readonly logger = new Logger(BroadcastsGateway.name);
  private readonly peaks = new Map<string, number>();

  @WebSocketServer()
  nsp: LiveNamespace;

  constructor(
    private readonly sockets: SocketSessions,
    private readonly limiter: SocketRateLimiter,
    private readonly presence: Presence,
    private readonly permissions: Permissions,
    private readonly broadcasts: BroadcastsService,
    private readonly live: BroadcastLiveService,
    private readonly channel: LiveChannel,
    private readonly ledger: ViewerLedger,
    private readonly autopilot: AutopilotRunner,
    private readonly config: AppConfig,
  ) {}

  afterInit(nsp: LiveNamespace): void {
    this.channel.nsp = nsp;
    this.sockets.register(nsp, { required: false });
    this.presence.onCounts((room, count) => void this.viewersChanged(room, count));
    if (this.config.scheduledJobs) this.autopilot.start();
  }

  private async viewersChanged(room: string, count: number): Promise<void> {
    if (!room.startsWith('live:') || room.endsWith(':hosts')) return;
    const broadcastId = room.slice('live:'.length);
    let peak = this.peaks.get(broadcastId) ?? 0;
    try {
      if (count > peak) peak = await this.live.recordViewers(broadcastId, count);
      this.peaks.set(broadcastId, peak);
      if (this.presence.localCount(room) === 0) this.peaks.delete(broadcastId);
    } catch (error) {
      this.logger.warn(`cannot keep the peak: ${(error as Error).message}`);
    }
    // Each instance tells its own sockets (the total is the same everywhere).
    this.nsp.local.to(room).emit('live:viewers', { broadcastId, count, peak: Math.max(peak, count) });
  }

  private actor(socket: Socket): Actor | undefined {
    return this.sockets.grant(socket)?.actor;
  }

  private viewerKey(socket: Socket): string {
    const key = socket.handshake.auth?.viewerKey;
    return typeof key === 'string' && VIEWER_KEY.test(key) ? key : `s-${socket.id}`.slice(0, 64);
  }

  /** Broadcasts this socket joined: an array in `socket.data` (kept by connection-state recovery, also through Redis). */
  private joined(socket: Socket) {
    const list = (): string[] => (Array.isArray(socket.data.joined) ? (socket.data.joined as string[]) : (socket.data.joined = []));
    return {
      has: (id: string) => list().includes(id),
      add: (id: string) => void list().push(id),
      delete: (id: string) => {
        const l = list();
        const i = l.indexOf(id);
        if (i >= 0) l.splice(i, 1);
        return i >= 0;
      },
    };
  }

  async handleConnection(socket: Socket): Promise<void> {
    if (!(await this.sockets.attach(socket))) return;
    const actor = this.actor(socket);
    if (actor) await socket.join(liveUserRoom(actor.id));
    // A recovered socket got its rooms back (connection-state recovery): count it again.
    if (socket.recovered) for (const id of this.joinedIds(socket)) this.track(socket, id);
  }

  handleDisconnect(socket: Socket): void {
    this.sockets.detach(socket);
    for (const id of this.joinedIds(socket)) this.untrack(socket, id);
  }

  private joinedIds(socket: Socket): string[] {
    return Array.isArray(socket.data.joined) ? [...(socket.data.joined as string[])] : [];
  }

  private track(socket: Socket, broadcastId: string): void {
    this.presence.join(liveRoom(broadcastId));
    this.ledger.join(`${socket.id}|${broadcastId}`, broadcastId, this.viewerKey(socket), this.actor(socket)?.id ?? null);
  }

  private untrack(socket: Socket, broadcastId: string): void {
    this.presence.leave(liveRoom(broadcastId));
    this.ledger.leave(`${socket.id}|${broadcastId}`);
  }

  private async allowed(socket: Socket): Promise<LiveAck | null> {
    const rate = await this.limiter.consume(`sock:${socket.id}`, SOCKET_RATE.limit, SOCKET_RATE.windowMs);
    return rate.ok ? null : { ok: false, reason: 'TOO_MANY_REQUESTS', retryAfterMs: rate.retryAfterMs };
  }

  private async readable(socket: Socket, broadcastId: unknown): Promise<BroadcastRow | LiveSocketReason> {
    if (!isUuid(broadcastId)) return 'INVALID_INPUT';
    const row = await this.broadcasts.find(broadcastId);
    if (!row || !this.permissions.can(this.actor(socket), 'broadcast.read', row)) return 'BROADCAST_NOT_FOUND';
    return row;
  }

  private async hosted(socket: Socket, broadcastId: unknown): Promise<BroadcastRow | LiveSocketReason> {
    const row = await this.readable(socket, broadcastId);
    if (typeof row === 'string') return row;
    const actor = this.actor(socket);
    if (!actor) return 'UNAUTHENTICATED';
    if (!this.permissions.can(actor, 'broadcast.host', row)) return 'NOT_A_HOST';
    return row;
  }

  /** Joins the broadcast's room (and its hosts' room for a host) and answers the snapshot. */
  @SubscribeMessage('live:join')
  async join(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<LiveJoinAck> {
    const limited = await this.allowed(socket);
    if (limited) return limited as LiveJoinAck;
    try {
      const row = await this.readable(socket, (body as { broadcastId?: unknown } | null)?.broadcastId);
      if (typeof row === 'string') return { ok: false, reason: row };
      const joined = this.joined(socket);
      if (!joined.has(row.id)) {
        joined.add(row.id);
        await socket.join(liveRoom(row.id));
        this.track(socket, row.id);
      }
      const sync = await this.live.sync(this.actor(socket), row);
      if (sync.you.host) await socket.join(liveHostRoom(row.id));
      return { ok: true, sync };
    } catch (error) {
      this.logger.warn(`live:join failed: ${(error as Error).message}`);
      return refusal(error) as LiveJoinAck;
    }
  }

  /** The same snapshot, e.g. after a reconnect that could not be recovered. */
  @SubscribeMessage('live:sync')
  async sync(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<LiveJoinAck> {
    return this.join(socket, body);
  }

  @SubscribeMessage('live:leave')
  async leave(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<LiveAck> {
    const id = (body as { broadcastId?: unknown } | null)?.broadcastId;
    if (!isUuid(id)) return { ok: false, reason: 'INVALID_INPUT' };
    const joined = this.joined(socket);
    if (joined.delete(id)) {
      this.untrack(socket, id);
      await socket.leave(liveRoom(id));
      await socket.leave(liveHostRoom(id));
    }
    return { ok: true };
  }

  @SubscribeMessage('live:impression')
  async impression(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<LiveAck> {
    const limited = await this.allowed(socket);
    if (limited) return limited;
    const { broadcastId, cardId } = (body ?? {}) as { broadcastId?: unknown; cardId?: unknown };
    if (!isUuid(broadcastId) || !isUuid(cardId)) return { ok: false, reason: 'INVALID_INPUT' };
    if (!this.joined(socket).has(broadcastId)) return { ok: false, reason: 'NOT_JOINED' };
    try {
      await this.live.impression(broadcastId, cardId, this.viewerKey(socket), 'LIVE');
      return { ok: true };
    } catch (error) {
      return refusal(error);
    }
  }

  @SubscribeMessage('live:chat')
  async chat(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<LiveChatAck> {
    const limited = await this.allowed(socket);
    if (limited) return limited as LiveChatAck;
    const { broadcastId, text } = (body ?? {}) as { broadcastId?: unknown; text?: unknown };
    if (typeof text !== 'string' || text.length > 200) return { ok: false, reason: 'INVALID_INPUT' };
    const actor = this.actor(socket);
    if (!actor) return { ok: false, reason: 'UNAUTHENTICATED' };
    const row = await this.readable(socket, broadcastId);
    if (typeof row === 'string') return { ok: false, reason: row };
    try {
      const m = await this.live.postChat(actor, row, text, `user:${actor.id}`);
      return { ok: true, message: { ...m, at: new Date(m.at).toISOString() } };
    } catch (error) {
      return refusal(error) as LiveChatAck;
    }
  }

  @SubscribeMessage('live:push')
  async push(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<LiveAck> {
    const limited = await this.allowed(socket);
    if (limited) return limited;
    const { broadcastId, cardId } = (body ?? {}) as { broadcastId?: unknown; cardId?: unknown };
    if (!isUuid(cardId)) return { ok: false, reason: 'INVALID_INPUT' };
    const row = await this.hosted(socket, broadcastId);
    if (typeof row === 'string') return { ok: false, reason: row };
    try {
      await this.live.pushCard(row.id, cardId);
      return { ok: true };
    } catch (error) {
      return refusal(error);
    }
  }

  @SubscribeMessage('live:announce')
  async announce(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<LiveAck> {
    const limited = await this.allowed(socket);
    if (limited) return limited;
    const { broadcastId, text } = (body ?? {}) as { broadcastId?: unknown; text?: unknown };
    if (text !== null && (typeof text !== 'string' || text.length > 200)) return { ok: false, reason: 'INVALID_INPUT' };
    const row = await this.hosted(socket, broadcastId);
    if (typeof row === 'string') return { ok: false, reason: row };
    try {
      await this.live.announce(row.id, text);
      return { ok: true };
    } catch (error) {
      return refusal(error);
    }
  }

  @SubscribeMessage('live:moderate')
  async moderate(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<LiveAck> {
    const limited = await this.allowed(socket);
    if (limited) return limited;
    const req = (body ?? {}) as Partial<LiveModerateRequest>;
    const row = await this.hosted(socket, req.broadcastId);
    if (typeof row === 'string') return { ok: false, reason: row };
    const actor = this.actor(socket)!;
    try {
      switch (req.action) {
        case 'DELETE':
          if (!isUuid(req.messageId)) return { ok: false, reason: 'INVALID_INPUT' };
          await this.live.deleteMessages(row.id, [req.messageId], actor.id);
          return { ok: true };
        case 'MUTE':
        case 'BAN': {
          const minutes = req.minutes ?? 10;
          if (!isUuid(req.userId) || !Number.isInteger(minutes) || minutes < LIVE_MUTE_MINUTES.min || minutes > LIVE_MUTE_MINUTES.max) return { ok: false, reason: 'INVALID_INPUT' };
          await this.live.restrict(actor, row, req.userId, req.action, minutes);
          return { ok: true };
        }
        case 'UNMUTE':
        case 'UNBAN':
          if (!isUuid(req.userId)) return { ok: false, reason: 'INVALID_INPUT' };
          await this.live.lift(row, req.userId, req.action === 'UNMUTE' ? 'MUTE' : 'BAN');
          return { ok: true };
        default:
          return { ok: false, reason: 'INVALID_INPUT' };
      }
    } catch (error) {
      return refusal(error);
    }
  }
}
