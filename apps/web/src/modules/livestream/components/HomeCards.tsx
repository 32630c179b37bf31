import { ArrowRightOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Button, Card, Flex, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { HostedBroadcastsDocument, LiveBroadcastsDocument } from '../../../generated/graphql.js';

function HomeCard({ title, description, to, action, testId }: { title: string; description: string; to: string; action: string; testId: string }) {
  return (
    <Card variant="borderless" data-testid={testId}>
      <Flex gap={16} align="center" wrap justify="space-between">
        <Flex gap={12} align="center" style={{ minWidth: 0, flex: '1 1 260px' }}>
          <div className="coming-soon-icon">
            <VideoCameraOutlined />
          </div>
          <div style={{ minWidth: 0 }}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {title}
            </Typography.Title>
            <Typography.Text type="secondary">{description}</Typography.Text>
          </div>
        </Flex>
        <Link to={to}>
          <Button type="primary" icon={<ArrowRightOutlined />} iconPlacement="end">
            {action}
          </Button>
        </Link>
      </Flex>
    </Card>
  );
}

/** Host home: the live or next broadcast, and the way to the console. */
export function HostHomeCard() {
  const { t } = useTranslation(['core', 'livestream']);
  const { data } = useQuery(HostedBroadcastsDocument, { variables: { take: 20, skip: 0 }, fetchPolicy: 'cache-and-network' });
  const items = data?.hostedBroadcasts.items ?? [];
  const live = items.find((b) => b.status === 'LIVE');
  const next = items.filter((b) => b.status === 'SCHEDULED').sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];
  const description = live
    ? t('livestream:home.hostLiveNow', { title: live.title })
    : next
      ? t('livestream:home.hostNext', { title: next.title, time: dayjs(next.startsAt).format('M月D日 HH:mm') })
      : data
        ? t('livestream:home.hostNone')
        : t('livestream:home.hostDesc');
  return (
    <HomeCard
      testId="host-home-card"
      title={t('livestream:home.hostTitle')}
      description={description}
      to={live ? `/host/broadcasts/${live.id}` : '/host/broadcasts'}
      action={t('livestream:home.open')}
    />
  );
}

/** Seeker home: live job shows (how many are live now). */
export function SeekerHomeCard() {
  const { t } = useTranslation(['core', 'livestream']);
  const { data } = useQuery(LiveBroadcastsDocument, { variables: { status: 'LIVE', take: 5, skip: 0 }, fetchPolicy: 'cache-and-network' });
  const live = data?.broadcasts.total ?? 0;
  return (
    <HomeCard
      testId="seeker-live-card"
      title={t('livestream:home.seekerTitle')}
      description={live > 0 ? `${t('livestream:home.seekerLiveNow', { count: live })} · ${t('livestream:home.seekerDesc')}` : t('livestream:home.seekerDesc')}
      to="/events/live"
      action={t('livestream:home.watch')}
    />
  );
}
