import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Drawer, Grid, Popover } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useNotifications } from '../hooks/notifications-context.js';
import { NotificationList } from './NotificationList.js';

/** Bell with the unread count; a popover on wide screens, a bottom drawer on phones. */
export function NotificationBell() {
  const { t } = useTranslation(['core', 'notifications']);
  const { unreadCount } = useNotifications();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const [open, setOpen] = useState(false);
  const list = (
    <NotificationList
      onNavigate={(link) => {
        setOpen(false);
        navigate(link);
      }}
    />
  );
  const bell = (
    <Button
      type="text"
      aria-label={t('notifications:bell', { count: unreadCount })}
      data-testid="notification-bell"
      data-unread={unreadCount}
      onClick={screens.md ? undefined : () => setOpen(true)}
      icon={
        <Badge count={unreadCount} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      }
    />
  );
  if (screens.md) {
    return (
      <Popover content={list} trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen} arrow={false}>
        {bell}
      </Popover>
    );
  }
  return (
    <>
      {bell}
      <Drawer open={open} onClose={() => setOpen(false)} placement="bottom" size="70vh" title={null} closable={false} styles={{ body: { padding: 0 } }}>
        {list}
      </Drawer>
    </>
  );
}
