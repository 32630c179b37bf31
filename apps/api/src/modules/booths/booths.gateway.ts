import { Logger } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import { DataSource } from 'typeorm';
import type { AccessGrant } from '../../common/auth/access-token-verifier.js';
import { Permissions } from '../../common/permissions/permissions.service.js';
import { AppConfig } from '../../config/app-config.js';

/** Socket protocol (docs/booths.md): emit `booths:join` {eventId} (ack {ok, reason?}), then receive `booth:changed`. */
export const fairRoom = (eventId: string) => `fair:${eventId}`;
export const BOOTH_CHANGED = 'booth:changed';

export interface BoothChanged {
  eventId: string;
  boothId: string;
  code: string;
  /** FREE, CLOSED, HELD, OFFERED, PENDING_APPROVAL or CONFIRMED. */
  status: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Live booth availability. Shares the notifications socket server (same path; the handshake
 * there authenticates every socket). A socket joins a fair's room when it may see the fair:
 * published (anyone signed in), or staff covering its region for a draft.
 */
@WebSocketGateway({ path: '/socket.io', cors: { origin: true, credentials: true } })
export class BoothsGateway {
  private readonly logger = new Logger(BoothsGateway.name);

  @WebSocketServer()
  server: Server;

  constructor(
    private readonly permissions: Permissions,
    private readonly ds: DataSource,
    private readonly config: AppConfig,
  ) {}

  /**
   * Whether anyone may be watching the fair's map. With one API process (no REDIS_URL) the local room
   * says so exactly, and a push nobody would receive is not read from the database; with the Redis
   * adapter other instances may have viewers, so the answer is always yes.
   */
  mayHaveViewers(eventId: string): boolean {
    if (this.config.redisUrl) return true;
    const rooms = this.server?.sockets?.adapter?.rooms;
    return !rooms || (rooms.get(fairRoom(eventId))?.size ?? 0) > 0;
  }

  @SubscribeMessage('booths:join')
  async join(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<{ ok: boolean; reason?: string }> {
    const eventId = (body as { eventId?: unknown } | null)?.eventId;
    if (typeof eventId !== 'string' || !UUID.test(eventId)) return { ok: false, reason: 'INVALID_ID' };
    const actor = (socket.data.grant as AccessGrant | undefined)?.actor;
    const [fair] = await this.ds.query(`SELECT status, region_code AS "regionCode" FROM event WHERE id = $1`, [eventId]);
    if (!fair) return { ok: false, reason: 'EVENT_NOT_FOUND' };
    const published = ['PUBLISHED', 'COMPLETED'].includes(fair.status);
    const allowed = this.permissions.can(actor, 'booth.viewFair', { regionCode: fair.regionCode, published });
    if (!allowed) return { ok: false, reason: 'NOT_ALLOWED' };
    await socket.join(fairRoom(eventId));
    return { ok: true };
  }

  @SubscribeMessage('booths:leave')
  async leave(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<{ ok: boolean }> {
    const eventId = (body as { eventId?: unknown } | null)?.eventId;
    if (typeof eventId === 'string') await socket.leave(fairRoom(eventId));
    return { ok: true };
  }

  boothChanged(change: BoothChanged): void {
    try {
      this.server?.to(fairRoom(change.eventId)).emit(BOOTH_CHANGED, change);
    } catch (error) {
      this.logger.warn(`cannot push booth change: ${(error as Error).message}`);
    }
  }
}
