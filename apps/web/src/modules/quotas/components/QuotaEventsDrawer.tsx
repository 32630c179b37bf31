import { Drawer, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { QuotaEventsQuery } from '../../../generated/graphql.js';
import { shanghaiDate } from '../../events/utils/shanghai-time.js';
import { useQuotaEvents, type EventsNarrowing } from '../hooks/use-quotas.js';
import { formatFigure } from '../utils/quota-format.js';

type Row = QuotaEventsQuery['quotaEvents']['items'][number];

/** The events behind a number: every figure of the dashboard clicks through to this list. */
export function QuotaEventsDrawer({ narrowing, onClose }: { narrowing: (EventsNarrowing & { title: string }) | null; onClose: () => void }) {
  const { t } = useTranslation(['core', 'quotas']);
  const [page, setPage] = useState(1);
  useEffect(() => setPage(1), [narrowing]);
  const { page: data, loading } = useQuotaEvents(narrowing, page);
  const columns: TableColumnsType<Row> = [
    { key: 'date', title: t('quotas:events.date'), width: 110, render: (_, r) => shanghaiDate(r.startsAt) },
    { key: 'name', title: t('quotas:events.name'), render: (_, r) => <Link to={`../events/${r.id}`} relative="path">{r.title}</Link> },
    { key: 'region', title: t('quotas:events.region'), dataIndex: 'regionName', width: 120 },
    { key: 'venue', title: t('quotas:events.venue'), render: (_, r) => r.venueName ?? t('quotas:events.online'), responsive: ['md'] },
    { key: 'coHosts', title: t('quotas:events.coHosts'), render: (_, r) => r.coHosts.map((c) => <Tag key={c}>{c}</Tag>), responsive: ['lg'] },
    { key: 'attendees', title: t('quotas:events.attendees'), align: 'right', render: (_, r) => formatFigure(r.attendees), width: 100 },
    { key: 'participations', title: t('quotas:events.participations'), align: 'right', render: (_, r) => formatFigure(r.participations), width: 100, responsive: ['md'] },
  ];
  return (
    <Drawer open={!!narrowing} onClose={onClose} size="large" data-testid="quota-events-drawer" title={narrowing ? t('quotas:events.title', { name: narrowing.title }) : ''} destroyOnHidden>
      {data && <Typography.Paragraph type="secondary">{t('quotas:events.total', { count: data.total })}</Typography.Paragraph>}
      <Table<Row>
        rowKey="id"
        size="small"
        data-testid="quota-events"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('quotas:events.none') }}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        scroll={{ x: 'max-content' }}
      />
    </Drawer>
  );
}
