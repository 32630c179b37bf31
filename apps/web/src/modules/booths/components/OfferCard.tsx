import { GiftOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WaitlistEntryFieldsFragment } from '../../../generated/graphql.js';
import { formatShanghai } from '../../events/utils/shanghai-time.js';
import { useCountdown } from '../hooks/use-countdown.js';
import { formatCountdown } from '../utils/booth-map.js';

/** A waitlist offer: which booth (or place), the time left to answer, Accept / Decline. */
export function OfferCard({
  entry,
  busy,
  onAccept,
  onDecline,
}: {
  entry: WaitlistEntryFieldsFragment;
  busy: boolean;
  onAccept(): void;
  onDecline(): void;
}) {
  const { t } = useTranslation(['core', 'booths']);
  const left = useCountdown(entry.offerExpiresAt);
  const expired = left !== null && left <= 0;
  return (
    <Card variant="borderless" className="offer-card" data-testid={`offer-${entry.id}`} style={{ borderLeft: '4px solid #52c41a' }}>
      <Flex vertical gap={8}>
        <Typography.Text strong>
          <GiftOutlined /> {t('booths:offer.title', { title: entry.eventTitle, code: entry.offeredBoothCode ?? t('booths:section.place') })}
        </Typography.Text>
        {entry.offerExpiresAt && (
          <Typography.Text type={expired ? 'danger' : undefined}>
            {expired ? t('booths:offer.expired') : t('booths:offer.until', { time: formatShanghai(entry.offerExpiresAt) })}{' '}
            {!expired && <span className="hold-countdown">{formatCountdown(left ?? 0)}</span>}
          </Typography.Text>
        )}
        <Flex gap={8} wrap>
          <Button type="primary" disabled={expired} loading={busy} onClick={onAccept} data-testid="accept-offer">
            {t('booths:offer.accept')}
          </Button>
          <Button disabled={expired || busy} onClick={onDecline} data-testid="decline-offer">
            {t('booths:offer.decline')}
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
}
