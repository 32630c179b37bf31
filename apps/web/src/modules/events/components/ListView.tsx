import { Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EventSummaryFieldsFragment } from '../../../generated/graphql.js';
import { useLanguage } from '../../i18n/hooks/use-language.js';
import { regionLabel } from '../../regions/utils/region-label.js';
import { byStart } from '../utils/event-days.js';
import { formatShanghai, formatTimeRange } from '../utils/shanghai-time.js';
import { EventPlace } from './EventPlace.js';
import { EventStatusTag } from './EventStatusTag.js';
import { EventTypeTag } from './EventTypeTag.js';

export const LIST_PAGE_SIZE = 20;

/** The range's events as a table, paged in the browser (the whole range is already loaded). */
export function ListView({
  events,
  loading,
  eventPath,
}: {
  events: EventSummaryFieldsFragment[];
  loading: boolean;
  eventPath(id: string): string;
}) {
  const { t } = useTranslation(['core', 'events']);
  const { language } = useLanguage();
  const columns: TableColumnsType<EventSummaryFieldsFragment> = [
    {
      key: 'when',
      title: t('events:fields.time'),
      render: (_, e) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {formatShanghai(e.startsAt, 'MM-DD ddd')}
          <br />
          <Typography.Text type="secondary">{formatTimeRange(e.startsAt, e.endsAt)}</Typography.Text>
        </span>
      ),
    },
    {
      key: 'title',
      title: t('events:fields.title'),
      render: (_, e) => (
        <Link to={eventPath(e.id)}>
          <Typography.Text strong delete={e.status === 'CANCELLED'} style={{ color: 'inherit' }}>
            {e.title}
          </Typography.Text>
        </Link>
      ),
    },
    { key: 'type', title: t('events:fields.type'), responsive: ['md'], render: (_, e) => <EventTypeTag type={e.type} subtype={e.subtype} /> },
    { key: 'region', title: t('events:fields.region'), responsive: ['lg'], render: (_, e) => regionLabel(e.region, language) },
    { key: 'place', title: t('events:fields.place'), responsive: ['lg'], render: (_, e) => <EventPlace isOnline={e.isOnline} venue={e.venue} /> },
    {
      key: 'registered',
      title: t('events:fields.registered'),
      responsive: ['xl'],
      align: 'right',
      render: (_, e) => `${e.registeredCount} / ${e.capacity}`,
    },
    { key: 'status', title: t('events:fields.status'), responsive: ['sm'], render: (_, e) => <EventStatusTag status={e.status} /> },
  ];
  return (
    <Table<EventSummaryFieldsFragment>
      rowKey="id"
      columns={columns}
      dataSource={[...events].sort(byStart)}
      loading={loading}
      size="middle"
      locale={{ emptyText: t('events:calendar.noEvents') }}
      pagination={{ pageSize: LIST_PAGE_SIZE, showSizeChanger: false, showTotal: (count) => t('common.total', { count }), hideOnSinglePage: false }}
      data-testid="list-view"
    />
  );
}
