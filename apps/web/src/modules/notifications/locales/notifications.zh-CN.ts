/** i18next namespace `notifications`, Simplified Chinese (the default). Every key must also exist in notifications.en.ts (locales.spec.ts checks). */
const notificationsZhCN = {
  title: '通知',
  bell: '通知（{{count}} 条未读）',
  empty: '暂无通知',
  markRead: '标为已读',
  markAllRead: '全部标为已读',
  unread: '未读',
  loadMore: '加载更多',
  markedAllRead: '已全部标为已读',
};

export default notificationsZhCN;
