import { EyeOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Empty, Flex, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LiveBroadcastsDocument } from '../../../generated/graphql.js';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { PublicLayout } from '../../public-events/components/PublicLayout.js';
import { LiveStatusTag } from './LiveStatusTag.js';
import './livestream.css';
import { formatShanghai } from '../../events/utils/shanghai-time.js';

/** Public list of broadcasts (live first), phone first: `/events/live`. */
export function LiveListPage() {
  const { t } = useTranslation(['core', 'livestream']);
  const { describe } = useApiError();
  const { data, loading, error } = useQuery(LiveBroadcastsDocument, { variables: { take: 30, skip: 0 }, fetchPolicy: 'cache-and-network' });
  const items = data?.broadcasts.items ?? [];
  return (
    <PublicLayout>
      <div style={{ maxWidth: 820, margin: '0 auto' }}>
        <Typography.Title level={3} style={{ marginBottom: 4 }}>
          {t('livestream:viewer.list')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('livestream:viewer.listHint')}</Typography.Paragraph>
        {error && !data && <Alert type="error" showIcon message={describe(error)} style={{ marginBottom: 12 }} />}
        <List
          loading={loading && !data}
          dataSource={items}
          locale={{ emptyText: <Empty description={t('livestream:viewer.listEmpty')} /> }}
          renderItem={(b) => (
            <Card size="small" variant="borderless" style={{ marginBottom: 12 }} data-testid="live-list-item" data-id={b.id}>
              <Flex justify="space-between" align="center" gap={12} wrap>
                <div style={{ minWidth: 0, flex: '1 1 220px' }}>
                  <Flex gap={8} align="center">
                    <LiveStatusTag status={b.status} />
                    {b.status === 'LIVE' && (
                      <Typography.Text type="secondary">
                        <EyeOutlined /> {t('livestream:viewer.viewers', { count: b.viewerCount })}
                      </Typography.Text>
                    )}
                  </Flex>
                  <Typography.Title level={5} style={{ margin: '6px 0 2px' }}>
                    {b.title}
                  </Typography.Title>
                  <Typography.Text type="secondary">
                    {t('livestream:viewer.startsAt', { time: formatShanghai(b.startsAt) })}
                    {b.employers.length > 0 && ` · ${b.employers.map((e) => e.name).join('、')}`}
                  </Typography.Text>
                </div>
                <Link to={`/events/live/${b.id}`}>
                  <Button type={b.status === 'LIVE' ? 'primary' : 'default'} icon={<PlayCircleOutlined />}>
                    {t('livestream:viewer.watchNow')}
                  </Button>
                </Link>
              </Flex>
            </Card>
          )}
        />
      </div>
    </PublicLayout>
  );
}
