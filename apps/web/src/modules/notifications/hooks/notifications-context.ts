import { createContext, useContext, useEffect, useRef } from 'react';
import type { NotificationFieldsFragment } from '../../../generated/graphql.js';

export type NotificationListener = (notification: NotificationFieldsFragment) => void;

export interface NotificationsContextValue {
  items: NotificationFieldsFragment[];
  unreadCount: number;
  total: number;
  loading: boolean;
  loadingMore: boolean;
  markRead(ids: string[]): Promise<void>;
  markAllRead(): Promise<void>;
  loadMore(): Promise<void>;
  /** Hear about notifications as they arrive live. */
  subscribe(listener: NotificationListener): () => void;
}

export const NotificationsContext = createContext<NotificationsContextValue | null>(null);

export function useNotifications(): NotificationsContextValue {
  const value = useContext(NotificationsContext);
  if (!value) throw new Error('useNotifications must be used inside <NotificationsProvider>');
  return value;
}

/** Run `callback` whenever a notification of one of `kinds` arrives live (e.g. to refetch a page). */
export function useNotificationListener(kinds: readonly string[], callback: NotificationListener): void {
  const context = useContext(NotificationsContext);
  const latest = useRef(callback);
  useEffect(() => {
    latest.current = callback;
  });
  const key = kinds.join('|');
  useEffect(() => {
    if (!context) return;
    const wanted = new Set(key.split('|'));
    return context.subscribe((n) => {
      if (wanted.has(n.kind)) latest.current(n);
    });
  }, [context, key]);
}
