import { LinkOutlined } from '@ant-design/icons';
import { Descriptions, Tag, Typography, type DescriptionsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PublicEventFieldsFragment } from '../../../generated/graphql.js';
import { useLanguage } from '../../i18n/hooks/use-language.js';
import { regionLabel } from '../../regions/utils/region-label.js';
import { eventDetailFields } from '../utils/event-type.js';
import { formatShanghai, formatTimeRange } from '../utils/shanghai-time.js';
import { seriesRuleText } from '../../event-series/utils/series-summary.js';
import { HolidayYearNotice } from '../../holidays/components/HolidaysUnknownNotice.js';
import { EventPlace } from './EventPlace.js';
import { EventTypeTag } from './EventTypeTag.js';

/** The facts of an event as a description list, shared by the organizer and public detail pages. */
export function EventFacts({ event, columns = 1 }: { event: PublicEventFieldsFragment; columns?: DescriptionsProps['column'] }) {
  const { t } = useTranslation(['core', 'events']);
  const { language } = useLanguage();
  const empty = t('common.empty');
  const show = eventDetailFields(event.type, event.subtype);
  const dateFormat = language === 'en' ? 'ddd, MMM D, YYYY' : 'YYYY年M月D日 dddd';
  // Every date on the page in the one format of the event's time.
  const when = (v: string | null | undefined) => (v ? formatShanghai(v, `${dateFormat} HH:mm`) : empty);
  const items: DescriptionsProps['items'] = [
    {
      key: 'time',
      label: t('events:fields.time'),
      children: (
        <span data-testid="event-time-text">
          {formatShanghai(event.startsAt, dateFormat)} {formatTimeRange(event.startsAt, event.endsAt)}
          {event.originalStartsAt && event.originalStartsAt !== event.startsAt && (
            <Typography.Text type="secondary" style={{ display: 'block' }}>
              {t('events:detail.originally', { time: when(event.originalStartsAt) })}
            </Typography.Text>
          )}
        </span>
      ),
    },
    { key: 'type', label: t('events:fields.type'), children: <EventTypeTag type={event.type} subtype={event.subtype} /> },
    {
      key: 'place',
      label: t('events:fields.place'),
      children: event.isOnline ? (
        <span>
          <EventPlace isOnline venue={null} />
          {event.onlineUrl && (
            <Typography.Link href={event.onlineUrl} target="_blank" rel="noreferrer" style={{ display: 'block', wordBreak: 'break-all' }}>
              <LinkOutlined /> {event.onlineUrl}
            </Typography.Link>
          )}
        </span>
      ) : (
        <EventPlace isOnline={false} venue={event.venue} withAddress />
      ),
    },
    { key: 'region', label: t('events:fields.region'), children: regionLabel(event.region, language) },
    ...(show.industry && event.details.industry ? [{ key: 'industry', label: t('events:fields.industry'), children: event.details.industry }] : []),
    ...(show.campus
      ? [
          {
            key: 'university',
            label: t('events:fields.university'),
            children: [event.details.university, event.details.universityCity].filter(Boolean).join(' · ') || empty,
          },
          {
            key: 'delegation',
            label: t('events:fields.delegation'),
            children: event.details.delegation.length ? event.details.delegation.map((e) => <Tag key={e.id}>{e.name}</Tag>) : empty,
          },
        ]
      : []),
    {
      key: 'capacity',
      label: t('events:fields.capacity'),
      children: t('events:detail.capacityText', { registered: event.registeredCount, capacity: event.capacity }),
    },
    {
      key: 'registration',
      label: t('events:fields.registration'),
      children:
        event.registrationOpensAt || event.registrationClosesAt
          ? <span data-testid="event-registration-text">{`${when(event.registrationOpensAt)} – ${when(event.registrationClosesAt)}`}</span>
          : t('events:detail.registrationAnytime'),
    },
    {
      key: 'coHosts',
      label: t('events:fields.coHosts'),
      children: event.coHosts.length ? (
        <span data-testid="event-cohosts">
          {event.coHosts.map((c) => (
            <Tag key={c.id}>{language === 'en' && c.nameEn ? c.nameEn : c.name}</Tag>
          ))}
        </span>
      ) : (
        empty
      ),
    },
    ...(event.series
      ? [
          {
            key: 'series',
            label: t('events:fields.series'),
            children: (
              <span>
                {event.series.title}
                <Typography.Text type="secondary" style={{ display: 'block' }}>
                  {seriesRuleText(event.series, t, language)}
                </Typography.Text>
                <HolidayYearNotice date={event.startsAt ? formatShanghai(event.startsAt, 'YYYY-MM-DD') : null} compact />
              </span>
            ),
          },
        ]
      : []),
    ...(event.description ? [{ key: 'description', label: t('events:fields.description'), children: <span className="pre-line">{event.description}</span> }] : []),
  ];
  return <Descriptions column={columns} items={items} size="middle" bordered className="event-facts" />;
}
