import { ClockCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BoothBookingFieldsFragment } from '../../../generated/graphql.js';
import { useCountdown } from '../hooks/use-countdown.js';
import { formatCountdown } from '../utils/booth-map.js';

/** A held booth: the minutes:seconds left, and Confirm / Release. */
export function HoldPanel({
  booking,
  requiresApproval,
  confirming,
  releasing,
  onConfirm,
  onRelease,
}: {
  booking: BoothBookingFieldsFragment;
  requiresApproval: boolean;
  confirming: boolean;
  releasing: boolean;
  onConfirm(): void;
  /** `expired`: the hold already ran out (the server frees the booth by itself; just reload). */
  onRelease(expired: boolean): void;
}) {
  const { t } = useTranslation(['core', 'booths']);
  const left = useCountdown(booking.holdExpiresAt);
  const expired = left !== null && left <= 0;
  return (
    <Card variant="borderless" className="hold-panel" data-testid="hold-panel">
      <Flex vertical gap={12}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('booths:hold.title', { code: booking.boothCode ?? '' })}
        </Typography.Title>
        {expired ? (
          <Alert type="warning" showIcon title={t('booths:hold.expired')} />
        ) : (
          <Typography.Text>
            <ClockCircleOutlined /> {t('booths:hold.left')}{' '}
            <span className="hold-countdown" data-testid="hold-countdown" role="timer" aria-live="off">
              {formatCountdown(left ?? 0)}
            </span>
          </Typography.Text>
        )}
        <Typography.Text type="secondary">{t(requiresApproval ? 'booths:hold.approvalNote' : 'booths:hold.note')}</Typography.Text>
        <Flex gap={8} wrap>
          <Button type="primary" size="large" disabled={expired} loading={confirming} onClick={onConfirm} data-testid="confirm-booking">
            {t('booths:hold.confirm')}
          </Button>
          <Button size="large" loading={releasing} onClick={() => onRelease(expired)} data-testid="release-hold">
            {t(expired ? 'booths:hold.pickAgain' : 'booths:hold.release')}
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
}
