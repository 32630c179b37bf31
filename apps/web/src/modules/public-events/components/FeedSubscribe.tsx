import { CalendarOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CopyableLink } from '../../calendar-feeds/components/CopyableLink.js';
import { publicFeedUrl, webcalUrl } from '../../calendar-feeds/utils/feed-links.js';

/** The public iCalendar feed for a region and type: copy the URL or open it as a webcal:// subscription. */
export function FeedSubscribe({ regionCode, type, hint }: { regionCode?: string | null; type?: string | null; hint: string }) {
  const { t, i18n } = useTranslation(['core', 'calendarFeed']);
  const url = publicFeedUrl(window.location.origin, { regionCode, type, language: i18n.language });
  return (
    <Flex vertical gap={8} data-testid="feed-subscribe">
      <Typography.Text type="secondary">{hint}</Typography.Text>
      <CopyableLink url={url} testId="public-feed-url" />
      <div>
        <Button href={webcalUrl(url)} icon={<CalendarOutlined />} data-testid="public-feed-webcal">
          {t('calendarFeed:subscribe')}
        </Button>
      </div>
    </Flex>
  );
}
