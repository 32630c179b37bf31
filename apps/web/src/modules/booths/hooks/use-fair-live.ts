import { useEffect, useRef } from 'react';
import type { Socket } from 'socket.io-client';
import { acquireLiveSocket, onEveryConnection } from '../../auth/utils/live-socket.js';

/** What the API's booths gateway pushes to a fair's room when one booth's availability changes. */
export interface BoothChangedEvent {
  eventId: string;
  boothId: string;
  code: string;
  /** FREE, CLOSED, HELD, OFFERED, PENDING_APPROVAL or CONFIRMED. */
  status: string;
}

interface ServerToClient {
  'booth:changed': (change: BoothChangedEvent) => void;
}
interface ClientToServer {
  'booths:join': (body: { eventId: string }, ack: (answer: { ok: boolean; reason?: string }) => void) => void;
  'booths:leave': (body: { eventId: string }, ack: (answer: { ok: boolean }) => void) => void;
}

interface Handlers {
  onChange(change: BoothChangedEvent): void;
  /** After a (re)connection: changes may have been missed while offline, reload the map. */
  onResync(): void;
}

/** How many mounted maps of this tab watch each fair (the room is left when the last one goes). */
const watchers = new Map<string, number>();

/**
 * Live availability of one fair's booths over the tab's live socket (the notifications channel's
 * connection and token handshake): on every connection it joins the fair's room with `booths:join` and
 * hears `booth:changed`; on leaving the page it emits `booths:leave` and releases the socket.
 */
export function useFairLive(eventId: string | undefined, handlers: Handlers): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    if (!eventId) return;
    const lease = acquireLiveSocket();
    watchers.set(eventId, (watchers.get(eventId) ?? 0) + 1);
    const socket = lease.socket as unknown as Socket<ServerToClient, ClientToServer>;
    const stopWatching = onEveryConnection(lease.socket, (first) => {
      socket.emit('booths:join', { eventId }, () => undefined);
      if (!first) latest.current.onResync();
    });
    const onChanged = (change: BoothChangedEvent) => {
      if (change.eventId === eventId) latest.current.onChange(change);
    };
    socket.on('booth:changed', onChanged);
    return () => {
      stopWatching();
      socket.off('booth:changed', onChanged);
      const left = (watchers.get(eventId) ?? 1) - 1;
      if (left > 0) {
        watchers.set(eventId, left);
      } else {
        watchers.delete(eventId);
        if (socket.connected) socket.emit('booths:leave', { eventId }, () => undefined);
      }
      lease.release();
    };
  }, [eventId]);
}
