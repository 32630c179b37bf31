import { ShopOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useBoothNotifications } from '../hooks/use-booth-notifications.js';
import { useBoothFairs, useMyWaitlist } from '../hooks/use-booths.js';

/** Employer home: how many fairs take bookings now, and any waitlist offer waiting for an answer. */
export function BoothHomeCard() {
  const { t } = useTranslation(['core', 'booths']);
  const { fairs } = useBoothFairs(true);
  const { entries, refetch } = useMyWaitlist();
  useBoothNotifications(() => void refetch());
  const offers = entries.filter((e) => e.status === 'OFFERED');
  return (
    <Card variant="borderless" title={<><ShopOutlined /> {t('booths:home.title')}</>} data-testid="booth-home">
      <Flex vertical gap={8} align="flex-start">
        <Typography.Text>{t('booths:home.open', { count: fairs.length })}</Typography.Text>
        {offers.length > 0 && (
          <Typography.Text type="success" strong>
            {t('booths:home.offers', { count: offers.length })}
          </Typography.Text>
        )}
        <Flex gap={8} wrap>
          <Link to="/employer/booths/fairs">
            <Button type="primary">{t('booths:home.book')}</Button>
          </Link>
          <Link to="/employer/booths/mine">
            <Button>{t('booths:nav.myBookings')}</Button>
          </Link>
        </Flex>
      </Flex>
    </Card>
  );
}
