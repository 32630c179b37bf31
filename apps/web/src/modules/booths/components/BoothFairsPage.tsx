import { ShopOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, List, Segmented, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { formatShanghai } from '../../events/utils/shanghai-time.js';
import { PageHeader } from '../../layout/components/PageHeader.js';
import { useBoothFairs } from '../hooks/use-booths.js';

/** 展位预订: published fairs and campus trips taking bookings (open now, or all upcoming). */
export function BoothFairsPage() {
  const { t } = useTranslation(['core', 'booths']);
  const { describe } = useApiError();
  const [openOnly, setOpenOnly] = useState(true);
  const { fairs, loading, error } = useBoothFairs(openOnly);

  return (
    <>
      <PageHeader
        title={t('booths:fairs.title')}
        subtitle={t('booths:fairs.subtitle')}
        extra={
          <Segmented
            value={openOnly ? 'open' : 'all'}
            onChange={(v) => setOpenOnly(v === 'open')}
            options={[
              { value: 'open', label: t('booths:fairs.openNow') },
              { value: 'all', label: t('booths:fairs.allUpcoming') },
            ]}
          />
        }
      />
      {loading ? (
        <Skeleton active />
      ) : error ? (
        <Card variant="borderless">
          <Typography.Text type="danger">{describe(error)}</Typography.Text>
        </Card>
      ) : fairs.length === 0 ? (
        <Card variant="borderless">
          <Empty description={t(openOnly ? 'booths:fairs.noneOpen' : 'booths:fairs.none')} />
        </Card>
      ) : (
        <List
          grid={{ gutter: 16, xs: 1, md: 2, xl: 3 }}
          dataSource={fairs}
          renderItem={(f) => {
            const campus = f.eventType === 'CAMPUS_RECRUITING';
            return (
              <List.Item>
                <Card variant="borderless" data-testid={`booth-fair-${f.eventId}`} title={<span className="booth-fair-title">{f.title}</span>}>
                  <Flex vertical gap={6}>
                    <Typography.Text>{formatShanghai(f.startsAt, 'YYYY-MM-DD HH:mm')}</Typography.Text>
                    <Typography.Text type="secondary">
                      {t('booths:section.window', { from: formatShanghai(f.settings.opensAt), to: formatShanghai(f.settings.closesAt) })}
                    </Typography.Text>
                    <Flex gap={6} wrap>
                      {f.settings.isOpen ? <Tag color="green">{t('booths:section.open')}</Tag> : <Tag>{t('booths:section.closed')}</Tag>}
                      <Tag color={f.freeCount > 0 ? 'blue' : 'default'}>
                        {t(campus ? 'booths:section.freePlaces' : 'booths:section.freeBooths', { count: f.freeCount })}
                      </Tag>
                      {f.settings.requiresApproval && <Tag color="orange">{t('booths:fairs.needsApproval')}</Tag>}
                      <Tag>{t(campus ? 'booths:fairs.maxPlaces' : 'booths:fairs.maxBooths', { count: f.settings.maxBoothsPerEmployer })}</Tag>
                    </Flex>
                    <Link to={`/employer/booths/fairs/${f.eventId}`}>
                      <Button type="primary" icon={campus ? <TeamOutlined /> : <ShopOutlined />} block data-testid="open-fair">
                        {t(campus ? 'booths:fairs.openDelegation' : 'booths:fairs.openMap')}
                      </Button>
                    </Link>
                  </Flex>
                </Card>
              </List.Item>
            );
          }}
        />
      )}
    </>
  );
}
