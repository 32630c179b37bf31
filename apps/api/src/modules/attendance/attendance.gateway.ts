import { Logger } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import { DataSource } from 'typeorm';
import type { AccessGrant } from '../../common/auth/access-token-verifier.js';
import { Permissions } from '../../common/permissions/permissions.service.js';

/**
 * Live attendance counts (docs/attendance.md#live). Shares the one socket server (its handshake
 * authenticates). Emit `attendance:join` {eventId} (ack {ok, reason?}); receive `attendance:counts`
 * ({eventId, admitted, reentries, conflicts, scans}) while scans arrive, at most every 500 ms per event.
 * Who may join: whoever may run the event's station (door volunteers, organizers covering it).
 */
export const attendanceRoom = (eventId: string) => `attendance:${eventId}`;
export const ATTENDANCE_COUNTS = 'attendance:counts';
const THROTTLE_MS = 500;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@WebSocketGateway({ path: '/socket.io', cors: { origin: true, credentials: true } })
export class AttendanceGateway {
  private readonly logger = new Logger(AttendanceGateway.name);
  private readonly pending = new Map<string, NodeJS.Timeout>();

  @WebSocketServer()
  server: Server;

  constructor(
    private readonly permissions: Permissions,
    private readonly ds: DataSource,
  ) {}

  @SubscribeMessage('attendance:join')
  async join(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<{ ok: boolean; reason?: string }> {
    const eventId = (body as { eventId?: unknown } | null)?.eventId;
    if (typeof eventId !== 'string' || !UUID.test(eventId)) return { ok: false, reason: 'INVALID_ID' };
    const actor = (socket.data.grant as AccessGrant | undefined)?.actor;
    const [e] = await this.ds.query(
      `SELECT region_code AS "regionCode", ARRAY(SELECT user_id FROM attendance_door_volunteer WHERE event_id = $1) AS "doorVolunteerIds" FROM event WHERE id = $1`,
      [eventId],
    );
    if (!e) return { ok: false, reason: 'EVENT_NOT_FOUND' };
    if (!this.permissions.can(actor, 'attendance.scan', e)) return { ok: false, reason: 'NOT_ALLOWED' };
    await socket.join(attendanceRoom(eventId));
    return { ok: true };
  }

  @SubscribeMessage('attendance:leave')
  async leave(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<{ ok: boolean }> {
    const eventId = (body as { eventId?: unknown } | null)?.eventId;
    if (typeof eventId === 'string') await socket.leave(attendanceRoom(eventId));
    return { ok: true };
  }

  /** Schedules one push of the event's counts (several scans within 500 ms make one push). */
  countsChanged(eventId: string): void {
    if (this.pending.has(eventId)) return;
    const timer = setTimeout(() => {
      this.pending.delete(eventId);
      void this.push(eventId);
    }, THROTTLE_MS);
    timer.unref?.();
    this.pending.set(eventId, timer);
  }

  private async push(eventId: string): Promise<void> {
    try {
      if (!this.server) return;
      const [c] = await this.ds.query(
        `SELECT coalesce(sum(admitted), 0)::int AS admitted, coalesce(sum(reentries), 0)::int AS reentries,
                coalesce(sum(conflicts), 0)::int AS conflicts, coalesce(sum(scans), 0)::int AS scans FROM event_attendance WHERE event_id = $1`,
        [eventId],
      );
      this.server.to(attendanceRoom(eventId)).emit(ATTENDANCE_COUNTS, { eventId, ...c });
    } catch (error) {
      this.logger.warn(`cannot push attendance counts: ${(error as Error).message}`);
    }
  }

  /** Stops pending pushes (shutdown). */
  onModuleDestroy(): void {
    for (const t of this.pending.values()) clearTimeout(t);
    this.pending.clear();
  }
}
