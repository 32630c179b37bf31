import { EnvironmentOutlined, GlobalOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Where an event happens: the venue's name, or 线上 / Online. */
export function EventPlace({
  isOnline,
  venue,
  withAddress = false,
}: {
  isOnline: boolean;
  venue: { name: string; address?: string } | null;
  withAddress?: boolean;
}) {
  const { t } = useTranslation(['core', 'events']);
  if (isOnline || !venue) {
    return (
      <span className="event-place">
        <GlobalOutlined /> {t('events:fields.online')}
      </span>
    );
  }
  return (
    <span className="event-place">
      <EnvironmentOutlined /> {venue.name}
      {withAddress && venue.address && (
        <Typography.Text type="secondary" style={{ display: 'block', marginLeft: 18 }}>
          {venue.address}
        </Typography.Text>
      )}
    </span>
  );
}
