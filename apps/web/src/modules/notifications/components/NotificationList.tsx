import { CheckOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Flex, Skeleton, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { NotificationFieldsFragment } from '../../../generated/graphql.js';
import { useNotifications } from '../hooks/notifications-context.js';

function NotificationRow({
  item,
  onOpen,
  onMarkRead,
}: {
  item: NotificationFieldsFragment;
  onOpen(item: NotificationFieldsFragment): void;
  onMarkRead(item: NotificationFieldsFragment): void;
}) {
  const { t } = useTranslation(['core', 'notifications']);
  const created = dayjs(item.createdAt);
  return (
    <div
      className={item.readAt ? 'notification-row' : 'notification-row notification-row-unread'}
      data-testid="notification-item"
      data-kind={item.kind}
      role="button"
      tabIndex={0}
      onClick={() => onOpen(item)}
      onKeyDown={(e) => e.key === 'Enter' && onOpen(item)}
    >
      <Flex gap={8} align="flex-start">
        <Badge dot={!item.readAt} offset={[0, 6]}>
          <span style={{ display: 'inline-block', width: 4 }} />
        </Badge>
        <div style={{ flex: 1, minWidth: 0 }}>
          <Typography.Text strong={!item.readAt}>{item.title}</Typography.Text>
          <Typography.Paragraph type="secondary" style={{ margin: '2px 0' }} ellipsis={{ rows: 3 }}>
            {item.body}
          </Typography.Paragraph>
          <Tooltip title={created.format('YYYY-MM-DD HH:mm')}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {created.fromNow()}
            </Typography.Text>
          </Tooltip>
        </div>
        {!item.readAt && (
          <Tooltip title={t('notifications:markRead')}>
            <Button
              type="text"
              size="small"
              icon={<CheckOutlined />}
              aria-label={t('notifications:markRead')}
              onClick={(e) => {
                e.stopPropagation();
                onMarkRead(item);
              }}
            />
          </Tooltip>
        )}
      </Flex>
    </div>
  );
}

/** Newest first; opening one marks it read and follows its link. */
export function NotificationList({ onNavigate }: { onNavigate(link: string): void }) {
  const { t } = useTranslation(['core', 'notifications']);
  const { items, unreadCount, total, loading, loadingMore, markRead, markAllRead, loadMore } = useNotifications();

  const open = (item: NotificationFieldsFragment) => {
    if (!item.readAt) void markRead([item.id]);
    if (item.link?.startsWith('/')) onNavigate(item.link);
  };

  return (
    <div className="notification-list" data-testid="notification-list">
      <Flex justify="space-between" align="center" className="notification-list-header">
        <Typography.Text strong>
          {t('notifications:title')}
          {unreadCount > 0 && (
            <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
              {' '}
              · {t('notifications:unread')} {unreadCount}
            </Typography.Text>
          )}
        </Typography.Text>
        <Button type="link" size="small" disabled={unreadCount === 0} onClick={() => void markAllRead()} data-testid="mark-all-read">
          {t('notifications:markAllRead')}
        </Button>
      </Flex>
      <div className="notification-list-body">
        {loading ? (
          <Skeleton active paragraph={{ rows: 3 }} style={{ padding: 16 }} />
        ) : items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications:empty')} />
        ) : (
          items.map((item) => (
            <NotificationRow key={item.id} item={item} onOpen={open} onMarkRead={(n) => void markRead([n.id])} />
          ))
        )}
        {items.length < total && (
          <Button type="link" block loading={loadingMore} onClick={() => void loadMore()}>
            {t('notifications:loadMore')}
          </Button>
        )}
      </div>
    </div>
  );
}
