import { ScanOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { StationEventsDocument } from '../../../generated/graphql.js';
import { formatShanghai, shanghaiDate, shanghaiToday } from '../../events/utils/shanghai-time.js';
import { HomeLinkCard } from '../../layout/components/HomeLinkCard.js';

/**
 * Portal home: the door duty (or, for organizers, today's events) this account can run a check-in station for, with
 * the way straight to it. Shown only when there is one: a host or mentor without door duty sees nothing here.
 */
export function StationHomeCard() {
  const { t } = useTranslation(['core', 'station']);
  const { data } = useQuery(StationEventsDocument, { fetchPolicy: 'cache-and-network' });
  const now = new Date().toISOString();
  const today = shanghaiToday();
  const relevant = (data?.stationEvents ?? [])
    .filter((e) => e.endsAt >= now && (e.doorDuty || shanghaiDate(e.startsAt) === today))
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const next = relevant[0];
  if (!next) return null;
  const time = shanghaiDate(next.startsAt) === today ? formatShanghai(next.startsAt, 'HH:mm') : formatShanghai(next.startsAt);
  return (
    <HomeLinkCard
      testId="station-home-card"
      icon={<ScanOutlined />}
      title={next.doorDuty ? t('station:home.dutyTitle') : t('station:home.todayTitle')}
      description={relevant.length > 1 ? t('station:home.nextAndMore', { title: next.title, time, count: relevant.length - 1 }) : t('station:home.next', { title: next.title, time })}
      to={relevant.length === 1 ? `/station/${next.eventId}` : '/station'}
      action={t('station:picker.open')}
    />
  );
}
