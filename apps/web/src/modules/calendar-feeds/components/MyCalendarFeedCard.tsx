import { CalendarOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Popconfirm, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { useMyCalendarFeed } from '../hooks/use-calendar-feed.js';
import { webcalUrl } from '../utils/feed-links.js';
import { CopyableLink } from './CopyableLink.js';

/** 我的日历订阅: the private feed URL to paste into a phone or desktop calendar, and a way to revoke it. */
export function MyCalendarFeedCard() {
  const { t } = useTranslation(['core', 'calendarFeed']);
  const { message } = App.useApp();
  const { describe, show } = useApiError();
  const { url, loading, error, rotate, rotating } = useMyCalendarFeed();

  const onRotate = async () => {
    try {
      await rotate();
      void message.success(t('calendarFeed:rotated'));
    } catch (e) {
      show(e);
    }
  };

  return (
    <Card
      variant="borderless"
      title={
        <span>
          <CalendarOutlined /> {t('calendarFeed:title')}
        </span>
      }
      data-testid="calendar-feed-card"
    >
      <Typography.Paragraph type="secondary">{t('calendarFeed:intro')}</Typography.Paragraph>
      {loading ? (
        <Skeleton active paragraph={{ rows: 1 }} />
      ) : error || !url ? (
        <Alert type="error" showIcon title={describe(error)} />
      ) : (
        <Flex vertical gap={12}>
          <CopyableLink url={url} testId="calendar-feed-url" />
          <Flex gap={8} wrap>
            <Button href={webcalUrl(url)} icon={<CalendarOutlined />}>
              {t('calendarFeed:subscribe')}
            </Button>
            <Popconfirm
              title={t('calendarFeed:rotateConfirm')}
              okText={t('calendarFeed:rotate')}
              cancelText={t('common.cancel')}
              onConfirm={onRotate}
            >
              <Button icon={<ReloadOutlined />} loading={rotating} data-testid="calendar-feed-rotate">
                {t('calendarFeed:rotate')}
              </Button>
            </Popconfirm>
          </Flex>
          <Typography.Text type="secondary">{t('calendarFeed:secretNote')}</Typography.Text>
        </Flex>
      )}
    </Card>
  );
}
