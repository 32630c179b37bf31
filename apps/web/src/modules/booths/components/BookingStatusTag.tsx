import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = {
  HELD: 'gold',
  OFFERED: 'gold',
  PENDING_APPROVAL: 'orange',
  CONFIRMED: 'green',
  CANCELLED: 'default',
  REJECTED: 'red',
  EXPIRED: 'default',
  DECLINED: 'default',
  WAITING: 'blue',
  ACCEPTED: 'green',
  LEFT: 'default',
};

/** A booking's or waitlist entry's status as a coloured tag. */
export function BookingStatusTag({ status, kind = 'booking' }: { status: string; kind?: 'booking' | 'waitlist' }) {
  const { t } = useTranslation('booths');
  return <Tag color={COLORS[status] ?? 'default'}>{t(kind === 'booking' ? `booths:bookingStatus.${status}` : `booths:waitlistStatus.${status}`)}</Tag>;
}
