import { Flex, Table, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EventSummaryFieldsFragment } from '../../../generated/graphql.js';
import { useLanguage } from '../../i18n/hooks/use-language.js';
import { regionLabel } from '../../regions/utils/region-label.js';
import { byStart } from '../utils/event-days.js';
import { formatShanghai, formatTimeRange } from '../utils/shanghai-time.js';
import { HolidayDayMark } from '../../holidays/components/HolidayDayMark.js';
import { holidayRuns, type HolidayMark } from '../../holidays/utils/holiday-marks.js';
import { EventPlace } from './EventPlace.js';
import { EventStatusTag } from './EventStatusTag.js';
import { EventTypeTag } from './EventTypeTag.js';

export const LIST_PAGE_SIZE = 20;

/** The range's events as a table, paged in the browser (the whole range is already loaded). */
export function ListView({
  events,
  loading,
  holidays,
  eventPath,
}: {
  events: EventSummaryFieldsFragment[];
  loading: boolean;
  holidays?: ReadonlyMap<string, HolidayMark>;
  eventPath(id: string): string;
}) {
  const { t } = useTranslation(['core', 'events', 'holidays']);
  const { language } = useLanguage();
  const columns: TableColumnsType<EventSummaryFieldsFragment> = [
    {
      key: 'when',
      title: t('events:fields.time'),
      render: (_, e) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {formatShanghai(e.startsAt, 'MM-DD ddd')} <HolidayDayMark mark={holidays?.get(formatShanghai(e.startsAt, 'YYYY-MM-DD'))} withName={false} />
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
  const runs = holidayRuns([...(holidays?.values() ?? [])]);
  const short = (d: string) => dayjs(d).format(language === 'en' ? 'MMM D' : 'M/D');
  return (
    <>
    {runs.length > 0 && (
      <Flex wrap gap={4} align="center" style={{ marginBottom: 8 }} data-testid="list-holidays">
        <Typography.Text type="secondary">{t('holidays:inView')}</Typography.Text>
        {runs.map((r) => (
          <span key={r.start}>
            <HolidayDayMark mark={{ date: r.start, kind: r.kind, name: r.name }} />
            <Typography.Text type="secondary">{r.start === r.end ? short(r.start) : t('holidays:runDays', { start: short(r.start), end: short(r.end) })}</Typography.Text>
          </span>
        ))}
      </Flex>
    )}
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
    </>
  );
}
