import { VideoCameraOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { HostedBroadcastsDocument, LiveBroadcastsDocument } from '../../../generated/graphql.js';
import { formatShanghai } from '../../events/utils/shanghai-time.js';
import { HomeLinkCard } from '../../layout/components/HomeLinkCard.js';

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
      ? t('livestream:home.hostNext', { title: next.title, time: formatShanghai(next.startsAt) })
      : data
        ? t('livestream:home.hostNone')
        : t('livestream:home.hostDesc');
  return (
    <HomeLinkCard
      icon={<VideoCameraOutlined />}
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
    <HomeLinkCard
      icon={<VideoCameraOutlined />}
      testId="seeker-live-card"
      title={t('livestream:home.seekerTitle')}
      description={live > 0 ? `${t('livestream:home.seekerLiveNow', { count: live })} · ${t('livestream:home.seekerDesc')}` : t('livestream:home.seekerDesc')}
      to="/events/live"
      action={t('livestream:home.watch')}
    />
  );
}
