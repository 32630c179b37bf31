import { useEffect, useRef } from 'react';
import type { Socket } from 'socket.io-client';
import type { NotificationFieldsFragment } from '../../../generated/graphql.js';
import { acquireLiveSocket, onEveryConnection } from '../../auth/utils/live-socket.js';
import type { ClientToServerEvents, ServerToClientEvents } from '../utils/socket-events.js';

interface Handlers {
  onNotification(notification: NotificationFieldsFragment): void;
  /** After a reconnect: events may have been missed while offline. */
  onReconnect(): void;
}

/**
 * The live channel for notifications: the tab's live socket (same origin, current access token,
 * reconnecting with the new token whenever the session is refreshed), shared with other features.
 */
export function useNotificationSocket(handlers: Handlers): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    const lease = acquireLiveSocket();
    const socket = lease.socket as unknown as Socket<ServerToClientEvents, ClientToServerEvents>;
    const stopWatching = onEveryConnection(lease.socket, (first) => {
      if (!first) latest.current.onReconnect();
    });
    const onNew: ServerToClientEvents['notification:new'] = (notification) => {
      latest.current.onNotification({ __typename: 'Notification', ...notification, link: notification.link ?? null, readAt: notification.readAt ?? null });
    };
    socket.on('notification:new', onNew);
    return () => {
      stopWatching();
      socket.off('notification:new', onNew);
      lease.release();
    };
  }, []);
}
