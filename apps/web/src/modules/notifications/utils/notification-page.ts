import type { NotificationFieldsFragment, NotificationsQuery } from '../../../generated/graphql.js';

type Page = NotificationsQuery['notifications'];

/** A notification pushed live goes to the top of the first page, counted once even if it arrives twice. */
export function prependNotification(page: Page, incoming: NotificationFieldsFragment, pageSize: number): Page {
  if (page.items.some((n) => n.id === incoming.id)) return page;
  return {
    ...page,
    total: page.total + 1,
    unreadCount: page.unreadCount + (incoming.readAt ? 0 : 1),
    items: [incoming, ...page.items].slice(0, Math.max(pageSize, page.items.length)),
  };
}

/** Marks the given notifications read locally, keeping the unread count in step. */
export function markReadInPage(page: Page, ids: readonly string[] | 'all', readAt: string): Page {
  let changed = 0;
  const items = page.items.map((n) => {
    if (n.readAt || (ids !== 'all' && !ids.includes(n.id))) return n;
    changed += 1;
    return { ...n, readAt };
  });
  const unreadCount = ids === 'all' ? 0 : Math.max(0, page.unreadCount - changed);
  return { ...page, items, unreadCount };
}
