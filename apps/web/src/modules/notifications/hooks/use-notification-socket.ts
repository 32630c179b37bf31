import { useEffect, useRef } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { NotificationFieldsFragment } from '../../../generated/graphql.js';
import { sessionRefresher } from '../../auth/utils/session-refresher.js';
import { sessionTokens } from '../../auth/utils/session-tokens.js';
import type { ClientToServerEvents, ServerToClientEvents } from '../utils/socket-events.js';

interface Handlers {
  onNotification(notification: NotificationFieldsFragment): void;
  /** After a reconnect: events may have been missed while offline. */
  onReconnect(): void;
}

/**
 * The live channel for notifications: socket.io on the same origin, authenticated with the current
 * access token, reconnecting with the new token whenever the session is refreshed.
 */
export function useNotificationSocket(handlers: Handlers): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
      path: '/socket.io',
      // A function, so every (re)connection presents the token current at that moment.
      auth: (cb) => cb({ token: sessionTokens.getAccessToken() }),
      autoConnect: false,
    });
    let connectedOnce = false;
    let disposed = false;

    const refreshAndReconnect = () => {
      // A successful refresh changes the token, and the subscription below reconnects.
      sessionRefresher.refresh().catch(() => {
        if (!disposed) setTimeout(() => !disposed && socket.connect(), 5_000);
      });
    };

    socket.on('connect', () => {
      if (connectedOnce) latest.current.onReconnect();
      connectedOnce = true;
    });
    socket.on('connect_error', () => {
      // Middleware refusals (bad or expired token) stop socket.io's own retries; network errors do not.
      if (!socket.active) refreshAndReconnect();
    });
    socket.on('disconnect', (reason) => {
      if (reason === 'io server disconnect') refreshAndReconnect();
    });
    socket.on('notification:new', (notification) => {
      latest.current.onNotification({ __typename: 'Notification', ...notification, link: notification.link ?? null, readAt: notification.readAt ?? null });
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
  }, []);
}
