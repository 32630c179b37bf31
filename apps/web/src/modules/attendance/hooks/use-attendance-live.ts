import { useEffect, useRef } from 'react';
import type { Socket } from 'socket.io-client';
import { acquireLiveSocket, onEveryConnection } from '../../auth/utils/live-socket.js';

/** What the API pushes to `attendance:<eventId>` while scans arrive (at most every 500 ms). */
export interface AttendanceCountsEvent {
  eventId: string;
  admitted: number;
  reentries: number;
  conflicts: number;
  scans: number;
}

interface ServerToClient {
  'attendance:counts': (counts: AttendanceCountsEvent) => void;
}
interface ClientToServer {
  'attendance:join': (body: { eventId: string }, ack: (answer: { ok: boolean; reason?: string }) => void) => void;
  'attendance:leave': (body: { eventId: string }, ack: (answer: { ok: boolean }) => void) => void;
}

/** Live counts of one event over the tab's shared socket: joins its room on every connection, leaves on unmount. */
export function useAttendanceLive(eventId: string | undefined, onCounts: (c: AttendanceCountsEvent) => void): void {
  const latest = useRef(onCounts);
  useEffect(() => {
    latest.current = onCounts;
  });
  useEffect(() => {
    if (!eventId) return;
    const lease = acquireLiveSocket();
    const socket = lease.socket as unknown as Socket<ServerToClient, ClientToServer>;
    const stop = onEveryConnection(lease.socket, () => socket.emit('attendance:join', { eventId }, () => undefined));
    const listener = (c: AttendanceCountsEvent) => {
      if (c.eventId === eventId) latest.current(c);
    };
    socket.on('attendance:counts', listener);
    return () => {
      stop();
      socket.off('attendance:counts', listener);
      if (socket.connected) socket.emit('attendance:leave', { eventId }, () => undefined);
      lease.release();
    };
  }, [eventId]);
}
