import { BarChartOutlined, DesktopOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OrganizerBroadcastsDocument } from '../../../generated/graphql.js';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { PageHeader } from '../../layout/components/PageHeader.js';
import { FunnelBar } from './FunnelBar.js';
import { LiveStatusTag } from './LiveStatusTag.js';
import { formatTimeRange, shanghaiDate } from '../../events/utils/shanghai-time.js';

/** Organizers: every broadcast of their regions with status, schedule, peak and its funnel (fetched with the list). */
export function OrganizerBroadcastsPage() {
  const { t } = useTranslation(['core', 'livestream']);
  const { describe } = useApiError();
  const { data, loading, error } = useQuery(OrganizerBroadcastsDocument, { variables: { take: 50, skip: 0 }, fetchPolicy: 'cache-and-network' });
  return (
    <>
      <PageHeader title={t('livestream:organizer.title')} subtitle={t('livestream:organizer.desc')} />
      {error && !data && <Alert type="error" showIcon message={describe(error)} style={{ marginBottom: 12 }} />}
      <Card variant="borderless">
        <Table
          rowKey="id"
          loading={loading && !data}
          dataSource={data?.hostedBroadcasts.items ?? []}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: t('livestream:organizer.empty') }}
          columns={[
            {
              title: t('livestream:organizer.name'),
              dataIndex: 'title',
              render: (title: string, b) => (
                <Link to={b.id} data-testid="broadcast-link">
                  {title}
                </Link>
              ),
            },
            { title: t('livestream:organizer.status'), dataIndex: 'status', width: 100, render: (s) => <LiveStatusTag status={s} /> },
            {
              title: t('livestream:organizer.schedule'),
              width: 180,
              render: (_, b) => `${shanghaiDate(b.startsAt)} ${formatTimeRange(b.startsAt, b.endsAt)}`,
            },
            { title: t('livestream:organizer.peak'), dataIndex: 'peakViewers', width: 100, align: 'right' },
            { title: t('livestream:organizer.funnel'), render: (_, b) => (b.funnelTotal ? <FunnelBar funnel={b.funnelTotal} testId="row-funnel" /> : null) },
            {
              title: '',
              width: 200,
              render: (_, b) => (
                <Space>
                  <Link to={b.id}>
                    <Button size="small" icon={<BarChartOutlined />}>
                      {t('livestream:organizer.stats')}
                    </Button>
                  </Link>
                  <Link to={`${b.id}/console`}>
                    <Button size="small" icon={<DesktopOutlined />}>
                      {t('livestream:organizer.console')}
                    </Button>
                  </Link>
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
