import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { App } from 'antd';
import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import {
  MarkAllNotificationsReadDocument,
  MarkNotificationsReadDocument,
  NotificationsDocument,
  type NotificationFieldsFragment,
  type NotificationsQuery,
} from '../../../generated/graphql.js';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { NotificationsContext, type NotificationListener, type NotificationsContextValue } from '../hooks/notifications-context.js';
import { useNotificationSocket } from '../hooks/use-notification-socket.js';
import { markReadInPage, prependNotification } from '../utils/notification-page.js';

const PAGE_SIZE = 20;
const FIRST_PAGE = { unreadOnly: false, take: PAGE_SIZE, skip: 0 };

/** Loads the first page of notifications, keeps it live over socket.io and toasts new arrivals. */
export function NotificationsProvider({ children }: { children: ReactNode }) {
  const client = useApolloClient();
  const { notification } = App.useApp();
  const navigate = useNavigate();
  const { show } = useApiError();
  const listeners = useRef(new Set<NotificationListener>());
  const [extra, setExtra] = useState<NotificationFieldsFragment[]>([]);
  const [loadingMore, setLoadingMore] = useState(false);

  const query = useQuery(NotificationsDocument, { variables: FIRST_PAGE, notifyOnNetworkStatusChange: false });
  const [markReadMutation] = useMutation(MarkNotificationsReadDocument);
  const [markAllMutation] = useMutation(MarkAllNotificationsReadDocument);

  const updateFirstPage = useCallback(
    (update: (page: NotificationsQuery['notifications']) => NotificationsQuery['notifications']) => {
      client.cache.updateQuery({ query: NotificationsDocument, variables: FIRST_PAGE }, (data) =>
        data ? { ...data, notifications: update(data.notifications) } : data,
      );
    },
    [client],
  );

  const refetch = query.refetch;
  useNotificationSocket({
    onNotification: (incoming) => {
      updateFirstPage((page) => prependNotification(page, incoming, PAGE_SIZE));
      notification.info({
        key: incoming.id,
        title: incoming.title,
        description: incoming.body,
        placement: 'topRight',
        onClick: incoming.link?.startsWith('/') ? () => navigate(incoming.link!) : undefined,
      });
      for (const listener of listeners.current) listener(incoming);
    },
    onReconnect: () => void refetch(),
  });

  const markRead = useCallback(
    async (ids: string[]) => {
      if (ids.length === 0) return;
      const readAt = new Date().toISOString();
      updateFirstPage((page) => markReadInPage(page, ids, readAt));
      setExtra((items) => items.map((n) => (ids.includes(n.id) && !n.readAt ? { ...n, readAt } : n)));
      try {
        await markReadMutation({ variables: { ids } });
      } catch (e) {
        show(e);
      }
      void refetch(); // the server's count wins over a list answer that crossed the optimistic update
    },
    [markReadMutation, refetch, show, updateFirstPage],
  );

  const markAllRead = useCallback(async () => {
    const readAt = new Date().toISOString();
    updateFirstPage((page) => markReadInPage(page, 'all', readAt));
    setExtra((items) => items.map((n) => (n.readAt ? n : { ...n, readAt })));
    try {
      await markAllMutation();
    } catch (e) {
      show(e);
    }
    // Converge on the server's state: a list request that left before the mutation may have answered after the
    // optimistic update above and put the old unread count back (seen on a loaded machine).
    void refetch();
  }, [markAllMutation, refetch, show, updateFirstPage]);

  const firstPage = query.data?.notifications;
  const loadMore = useCallback(async () => {
    setLoadingMore(true);
    try {
      const { data } = await client.query({
        query: NotificationsDocument,
        variables: { unreadOnly: false, take: PAGE_SIZE, skip: (firstPage?.items.length ?? 0) + extra.length },
        fetchPolicy: 'network-only',
      });
      const seen = new Set([...(firstPage?.items ?? []), ...extra].map((n) => n.id));
      setExtra((items) => [...items, ...(data?.notifications.items ?? []).filter((n) => !seen.has(n.id))]);
    } catch (e) {
      show(e);
    } finally {
      setLoadingMore(false);
    }
  }, [client, extra, firstPage, show]);

  const subscribe = useCallback((listener: NotificationListener) => {
    listeners.current.add(listener);
    return () => void listeners.current.delete(listener);
  }, []);

  const value = useMemo<NotificationsContextValue>(
    () => ({
      items: [...(firstPage?.items ?? []), ...extra],
      unreadCount: firstPage?.unreadCount ?? 0,
      total: firstPage?.total ?? 0,
      loading: query.loading && !firstPage,
      loadingMore,
      markRead,
      markAllRead,
      loadMore,
      subscribe,
    }),
    [firstPage, extra, query.loading, loadingMore, markRead, markAllRead, loadMore, subscribe],
  );

  return <NotificationsContext value={value}>{children}</NotificationsContext>;
}
