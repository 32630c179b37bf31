import { useEffect, useRef } from 'react';
import { io, type Socket } from 'socket.io-client';
import { sessionRefresher } from '../../auth/utils/session-refresher.js';
import { sessionTokens } from '../../auth/utils/session-tokens.js';

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

/**
 * Live availability of one fair's booths: the same socket.io server (and token handshake) as the
 * notifications channel; on every connection the socket joins the fair's room with `booths:join`
 * and hears `booth:changed`. Reconnects with the new token whenever the session is refreshed.
 */
export function useFairLive(eventId: string | undefined, handlers: Handlers): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    if (!eventId) return;
    const socket: Socket<ServerToClient, ClientToServer> = io({
      path: '/socket.io',
      auth: (cb) => cb({ token: sessionTokens.getAccessToken() }),
      autoConnect: false,
      // Its own connection: the notifications socket's lifetime is the portal's, this one the page's.
      forceNew: true,
    });
    let connectedOnce = false;
    let disposed = false;

    socket.on('connect', () => {
      socket.emit('booths:join', { eventId }, () => undefined);
      if (connectedOnce) latest.current.onResync();
      connectedOnce = true;
    });
    socket.on('connect_error', () => {
      if (!socket.active)
        sessionRefresher.refresh().catch(() => {
          if (!disposed) setTimeout(() => !disposed && socket.connect(), 5_000);
        });
    });
    socket.on('disconnect', (reason) => {
      if (reason === 'io server disconnect') sessionRefresher.refresh().catch(() => undefined);
    });
    socket.on('booth:changed', (change) => {
      if (change.eventId === eventId) latest.current.onChange(change);
    });

    if (sessionTokens.getAccessToken()) socket.connect();
    const unsubscribe = sessionTokens.subscribe((token) => {
      socket.disconnect();
      if (token) socket.connect();
    });
    return () => {
      disposed = true;
      unsubscribe();
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, [eventId]);
}
