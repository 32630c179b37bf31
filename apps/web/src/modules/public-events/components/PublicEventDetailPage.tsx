import { ArrowLeftOutlined, CalendarOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Result, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { hasErrorCode } from '../../apollo/utils/graphql-errors.js';
import { eventIcsPath } from '../../calendar-feeds/utils/feed-links.js';
import { EventFacts } from '../../events/components/EventFacts.js';
import { EventStatusTag } from '../../events/components/EventStatusTag.js';
import { EventTypeTag } from '../../events/components/EventTypeTag.js';
import { isEventId } from '../../events/utils/event-id.js';
import { eventTypeColor, eventTypeLabel } from '../../events/utils/event-type.js';
import { formatShanghai } from '../../events/utils/shanghai-time.js';
import { useLanguage } from '../../i18n/hooks/use-language.js';
import { regionLabel } from '../../regions/utils/region-label.js';
import { PublicExhibitors } from '../../booths/components/PublicExhibitors.js';
import { usePublicEvent } from '../hooks/use-public-events.js';
import { FairPostingsSection } from '../../postings/components/FairPostingsSection.js';
import { RegisterButton } from '../../attendance/components/RegisterButton.js';
import { FeedSubscribe } from './FeedSubscribe.js';
import { PublicLayout } from './PublicLayout.js';

/** `/events/:id`: everything public about one event, with add-to-calendar and the matching feed. */
export function PublicEventDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation(['core', 'publicEvents']);
  const { language, domainKey } = useLanguage();
  const { describe } = useApiError();
  // An address that cannot be an event is the not-found page, not a bare "bad input".
  const { event, loading, error } = usePublicEvent(isEventId(id) ? id : undefined);

  let body;
  if (loading) body = <Skeleton active paragraph={{ rows: 10 }} />;
  else if (!event) {
    body = hasErrorCode(error, 'NOT_FOUND') || !error ? (
      <Result status="404" title={t('publicEvents:notFound')} extra={<Link to="/events">{t('publicEvents:backToList')}</Link>} />
    ) : (
      <Result status="warning" title={describe(error)} />
    );
  } else {
    const cancelled = event.status === 'CANCELLED';
    body = (
      <article data-testid="public-event" data-status={event.status}>
        <Card variant="borderless" className="public-event-head" style={{ borderTop: `4px solid ${eventTypeColor(event.type)}` }}>
          <Flex gap={6} wrap style={{ marginBottom: 8 }}>
            <EventTypeTag type={event.type} subtype={event.subtype} />
            {event.status !== 'PUBLISHED' && <EventStatusTag status={event.status} />}
          </Flex>
          <Typography.Title level={2} style={{ marginTop: 0 }} delete={cancelled} data-testid="public-event-title">
            {event.title}
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ fontSize: 16, marginBottom: 0 }}>
            {formatShanghai(event.startsAt, language === 'en' ? 'dddd, MMMM D, YYYY HH:mm' : 'YYYY年M月D日 dddd HH:mm')} ·{' '}
            {regionLabel(event.region, language)}
          </Typography.Paragraph>
        </Card>
        {cancelled && (
          <Alert
            type="error"
            showIcon
            className="cancelled-banner"
            title={<strong>{t('publicEvents:cancelled')}</strong>}
            description={
              <span>
                {t('publicEvents:cancelReason')}
                {event.cancelReason}
              </span>
            }
            data-testid="cancelled-banner"
          />
        )}
        {!cancelled && (
          <Card variant="borderless" style={{ marginTop: 12 }}>
            <RegisterButton event={event} />
          </Card>
        )}
        <Card variant="borderless" style={{ marginTop: 12 }}>
          <EventFacts event={event} />
        </Card>
        <PublicExhibitors event={event} />
        {/* Who is coming and what they hire: job fairs only, hidden when no exhibitor has an approved posting. */}
        {event.type === 'JOB_FAIR' && !cancelled && <FairPostingsSection eventId={event.id} />}
        <Card variant="borderless" title={t('publicEvents:calendarTitle')} style={{ marginTop: 12 }}>
          <Flex vertical gap={16}>
            {!cancelled && (
              <div>
                <Button type="primary" icon={<CalendarOutlined />} href={eventIcsPath(event.id, language)} download={`${event.id}.ics`} data-testid="add-to-calendar">
                  {t('publicEvents:addToCalendar')}
                </Button>
              </div>
            )}
            <FeedSubscribe
              regionCode={event.region.code}
              type={event.type}
              hint={t('publicEvents:feedHint', { region: regionLabel(event.region, language), type: eventTypeLabel(event.type, domainKey) })}
            />
          </Flex>
        </Card>
      </article>
    );
  }

  return (
    <PublicLayout>
      <Link to="/events" className="public-back">
        <ArrowLeftOutlined /> {t('publicEvents:backToList')}
      </Link>
      {body}
    </PublicLayout>
  );
}
