import { CalendarOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Popconfirm, Skeleton, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { useMyCalendarFeed } from '../hooks/use-calendar-feed.js';
import { webcalUrl } from '../utils/feed-links.js';
import { CopyableLink } from './CopyableLink.js';

/**
 * 我的日历订阅: the private feed URL to paste into a phone or desktop calendar. Only its hash is
 * stored, so the URL is shown once, right after it is created; getting it again means a new link.
 */
export function MyCalendarFeedCard() {
  const { t } = useTranslation(['core', 'calendarFeed']);
  const { message } = App.useApp();
  const { describe, show } = useApiError();
  const { active, issuedAt, url, loading, error, rotate, rotating } = useMyCalendarFeed();

  const onRotate = async () => {
    try {
      await rotate();
      void message.success(t('calendarFeed:rotated'));
    } catch (e) {
      show(e);
    }
  };

  const rotateButton = active ? (
    <Popconfirm title={t('calendarFeed:rotateConfirm')} okText={t('calendarFeed:rotate')} cancelText={t('common.cancel')} onConfirm={onRotate}>
      <Button icon={<ReloadOutlined />} loading={rotating} data-testid="calendar-feed-rotate">
        {t('calendarFeed:rotate')}
      </Button>
    </Popconfirm>
  ) : (
    <Button type="primary" icon={<CalendarOutlined />} loading={rotating} onClick={onRotate} data-testid="calendar-feed-rotate">
      {t('calendarFeed:create')}
    </Button>
  );

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
      ) : error ? (
        <Alert type="error" showIcon title={describe(error)} />
      ) : url ? (
        <Flex vertical gap={12}>
          <Alert type="warning" showIcon title={t('calendarFeed:copyNow')} />
          <CopyableLink url={url} testId="calendar-feed-url" />
          <Flex gap={8} wrap>
            <Button href={webcalUrl(url)} icon={<CalendarOutlined />}>
              {t('calendarFeed:subscribe')}
            </Button>
            {rotateButton}
          </Flex>
          <Typography.Text type="secondary">{t('calendarFeed:secretNote')}</Typography.Text>
        </Flex>
      ) : (
        <Flex vertical gap={12} align="start">
          <Typography.Text data-testid="calendar-feed-status">
            {active && issuedAt ? t('calendarFeed:issuedOn', { date: dayjs(issuedAt).format('YYYY-MM-DD HH:mm') }) : t('calendarFeed:none')}
          </Typography.Text>
          {active && <Typography.Text type="secondary">{t('calendarFeed:shownOnce')}</Typography.Text>}
          {rotateButton}
        </Flex>
      )}
    </Card>
  );
}
