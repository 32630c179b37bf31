import { useEffect, useRef } from 'react';
import type { Socket } from 'socket.io-client';
import { acquireLiveSocket, onEveryConnection } from '../../auth/utils/live-socket.js';

/** An event's counts: unique people admitted, re-entries, conflicts, scans. */
export interface AttendanceCounts {
  admitted: number;
  reentries: number;
  conflicts: number;
  scans: number;
}

/** What the API pushes to `attendance:<eventId>` while scans arrive (at most every 500 ms; the attendance contract). */
export type AttendanceCountsEvent = AttendanceCounts & { eventId: string };

interface ServerToClient {
  'attendance:counts': (counts: AttendanceCountsEvent) => void;
}
interface ClientToServer {
  'attendance:join': (body: { eventId: string }, ack?: (answer: { ok: boolean; reason?: string }) => void) => void;
  'attendance:leave': (body: { eventId: string }, ack?: (answer: { ok: boolean }) => void) => void;
}

/**
 * The one live-counts hook, used by the organizer's attendance page and by the check-in station.
 * Live counts of one event over the tab's shared socket: joins `attendance:<eventId>` on every connection
 * (`attendance:join`), hears `attendance:counts`, and leaves and releases the socket when unmounted or when
 * `eventId` becomes undefined (offline).
 */
export function useAttendanceLive(eventId: string | undefined, onCounts: (counts: AttendanceCounts) => void): void {
  const latest = useRef(onCounts);
  useEffect(() => {
    latest.current = onCounts;
  });

  useEffect(() => {
    if (!eventId) return;
    const lease = acquireLiveSocket();
    const socket = lease.socket as unknown as Socket<ServerToClient, ClientToServer>;
    const stopWatching = onEveryConnection(lease.socket, () => {
      socket.emit('attendance:join', { eventId }, () => undefined);
    });
    const onChanged = (counts: AttendanceCountsEvent) => {
      if (counts.eventId === eventId) {
        latest.current({ admitted: counts.admitted, reentries: counts.reentries, conflicts: counts.conflicts, scans: counts.scans });
      }
    };
    socket.on('attendance:counts', onChanged);
    return () => {
      stopWatching();
      socket.off('attendance:counts', onChanged);
      if (socket.connected) socket.emit('attendance:leave', { eventId }, () => undefined);
      lease.release();
    };
  }, [eventId]);
}
