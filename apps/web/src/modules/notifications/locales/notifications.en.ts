import type { LocaleResource } from '../../i18n/utils/locale-resource.js';
import type zhCN from './notifications.zh-CN.js';

/** i18next namespace `notifications`, English. Keys mirror notifications.zh-CN.ts exactly (the type and locales.spec.ts check). */
const notificationsEn: LocaleResource<typeof zhCN> = {
  title: 'Notifications',
  bell: 'Notifications ({{count}} unread)',
  empty: 'No notifications yet',
  markRead: 'Mark as read',
  markAllRead: 'Mark all as read',
  unread: 'Unread',
  loadMore: 'Load more',
  markedAllRead: 'All notifications marked as read',
};

export default notificationsEn;
