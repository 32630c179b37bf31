import { ClockCircleOutlined } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import { Link } from 'react-router';
import type { EventSummaryFieldsFragment } from '../../../generated/graphql.js';
import { useLanguage } from '../../i18n/hooks/use-language.js';
import { regionLabel } from '../../regions/utils/region-label.js';
import { eventTypeColor } from '../utils/event-type.js';
import { formatShanghai, formatTimeRange } from '../utils/shanghai-time.js';
import { EventPlace } from './EventPlace.js';
import { EventStatusTag } from './EventStatusTag.js';
import { EventTypeTag } from './EventTypeTag.js';

/**
 * One event as a card with its type colour down the left edge: time, title, type, place and region.
 * Used by the week view, a day's list and the public list.
 */
export function EventCard({
  event,
  to,
  showDate = false,
  showStatus = 'notPublished',
}: {
  event: EventSummaryFieldsFragment;
  to: string;
  showDate?: boolean;
  /** Public pages tag only what is unusual (cancelled); organizers see drafts too. */
  showStatus?: 'always' | 'notPublished' | 'cancelled';
}) {
  const { language } = useLanguage();
  const status =
    showStatus === 'always' ||
    (showStatus === 'notPublished' && event.status !== 'PUBLISHED') ||
    (showStatus === 'cancelled' && event.status === 'CANCELLED');
  const cancelled = event.status === 'CANCELLED';
  return (
    <Link
      to={to}
      className={`event-card${cancelled ? ' event-card-cancelled' : ''}`}
      style={{ borderLeftColor: eventTypeColor(event.type) }}
      data-testid="event-card"
      data-event-id={event.id}
      data-status={event.status}
    >
      <Flex justify="space-between" align="flex-start" gap={8}>
        <Typography.Text type="secondary" className="event-card-time">
          <ClockCircleOutlined />{' '}
          {showDate && `${formatShanghai(event.startsAt, language === 'en' ? 'ddd MMM D' : 'M月D日 ddd')} `}
          {formatTimeRange(event.startsAt, event.endsAt)}
        </Typography.Text>
        {status && <EventStatusTag status={event.status} />}
      </Flex>
      <Typography.Text strong className="event-card-title" delete={cancelled}>
        {event.title}
      </Typography.Text>
      <Flex wrap gap={4} align="center" className="event-card-meta">
        <EventTypeTag type={event.type} subtype={event.subtype} />
        <Typography.Text type="secondary">
          <EventPlace isOnline={event.isOnline} venue={event.venue} /> · {regionLabel(event.region, language)}
        </Typography.Text>
      </Flex>
    </Link>
  );
}
