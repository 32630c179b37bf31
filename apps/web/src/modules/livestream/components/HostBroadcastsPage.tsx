import { DesktopOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Empty, Flex, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { HostedBroadcastsDocument } from '../../../generated/graphql.js';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { PageHeader } from '../../layout/components/PageHeader.js';
import { LiveStatusTag } from './LiveStatusTag.js';
import { formatTimeRange, shanghaiDate } from '../../events/utils/shanghai-time.js';

/** The broadcasts assigned to this host (schedule, status), each opening its console. */
export function HostBroadcastsPage() {
  const { t } = useTranslation(['core', 'livestream']);
  const { describe } = useApiError();
  const { data, loading, error } = useQuery(HostedBroadcastsDocument, { variables: { take: 50, skip: 0 }, fetchPolicy: 'cache-and-network' });
  const items = data?.hostedBroadcasts.items ?? [];
  return (
    <>
      <PageHeader title={t('livestream:host.title')} />
      {error && !data && <Alert type="error" showIcon message={describe(error)} style={{ marginBottom: 12 }} />}
      <List
        loading={loading && !data}
        dataSource={items}
        locale={{ emptyText: <Empty description={t('livestream:host.empty')} /> }}
        renderItem={(b) => (
          <Card size="small" variant="borderless" style={{ marginBottom: 12 }} data-testid="hosted-broadcast" data-title={b.title}>
            <Flex justify="space-between" align="center" gap={12} wrap>
              <div style={{ minWidth: 0, flex: '1 1 260px' }}>
                <LiveStatusTag status={b.status} />
                <Typography.Title level={5} style={{ margin: '6px 0 2px' }}>
                  {b.title}
                </Typography.Title>
                <Typography.Text type="secondary">
                  {shanghaiDate(b.startsAt)} {formatTimeRange(b.startsAt, b.endsAt)}
                  {b.hosts.length > 0 && ` · ${t('livestream:host.hosts')}：${b.hosts.map((h) => h.displayName).join('、')}`}
                </Typography.Text>
              </div>
              <Link to={b.id}>
                <Button type={b.status === 'LIVE' ? 'primary' : 'default'} icon={<DesktopOutlined />} data-testid="open-console">
                  {t('livestream:host.console')}
                </Button>
              </Link>
            </Flex>
          </Card>
        )}
      />
    </>
  );
}
