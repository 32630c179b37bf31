import { ArrowLeftOutlined, DatabaseOutlined, ScanOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Empty, Flex, List, Spin, Tag, Typography } from 'antd';
import { liveQuery } from 'dexie';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatShanghai } from '../../events/utils/shanghai-time.js';
import { Link } from 'react-router';
import { StationEventsDocument } from '../../../generated/graphql.js';
import { LanguageSwitch } from '../../i18n/components/LanguageSwitch.js';
import { stationDb, type CachedStation } from '../utils/station-db.js';
import './station.css';

interface Choice {
  eventId: string;
  title: string;
  startsAt: string;
  endsAt: string;
  place: string | null;
  doorDuty: boolean;
  cachedAt: string | null;
}

/**
 * `/station`: the events to open a check-in station for — the ones the account may scan for (its door duties;
 * for organizers the events they cover, yesterday to two weeks ahead: `stationEvents`), and the ones this
 * device has cached (those open without network too). Nobody types an event id.
 */
export function StationPickerPage({ accountId }: { accountId: string | null }) {
  const { t } = useTranslation(['core', 'station']);
  const [cached, setCached] = useState<CachedStation[]>([]);
  const events = useQuery(StationEventsDocument, { skip: !accountId, fetchPolicy: 'cache-and-network' });

  useEffect(() => {
    const subscription = liveQuery(() => stationDb().stations.toArray()).subscribe({
      next: (rows) => setCached(rows.filter((r) => !accountId || r.accountId === accountId)),
      error: () => undefined,
    });
    return () => subscription.unsubscribe();
  }, [accountId]);

  const choices = useMemo(() => {
    const byId = new Map<string, Choice>();
    for (const e of events.data?.stationEvents ?? []) {
      byId.set(e.eventId, { eventId: e.eventId, title: e.title, startsAt: e.startsAt, endsAt: e.endsAt, place: e.place ?? (e.isOnline ? t('station:picker.online') : null), doorDuty: e.doorDuty, cachedAt: null });
    }
    for (const c of cached) {
      const known = byId.get(c.eventId);
      byId.set(c.eventId, { ...(known ?? { eventId: c.eventId, title: c.title, startsAt: c.startsAt, endsAt: c.endsAt, place: null, doorDuty: false }), cachedAt: c.loadedAt });
    }
    return [...byId.values()].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  }, [events.data, cached, t]);

  return (
    <div className="station">
      <header className="station-header">
        <Flex align="center" gap={8} style={{ minWidth: 0, flex: 1 }}>
          <Link to="/" aria-label={t('station:header.back')}>
            <Button type="text" icon={<ArrowLeftOutlined />} className="station-header-button" />
          </Link>
          <Typography.Text className="station-header-title">{t('station:picker.title')}</Typography.Text>
        </Flex>
        <LanguageSwitch compact />
      </header>
      <main className="station-main">
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('station:picker.intro')}
        </Typography.Paragraph>
        {!accountId && <Alert type="warning" showIcon title={t('station:picker.offlineHint')} />}
        <Card size="small" title={t('station:picker.events')}>
          {events.loading && choices.length === 0 ? (
            <Flex justify="center" style={{ padding: 24 }}>
              <Spin />
            </Flex>
          ) : choices.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('station:picker.none')} />
          ) : (
            <List
              dataSource={choices}
              rowKey="eventId"
              data-testid="station-picker"
              renderItem={(c) => (
                <List.Item
                  data-testid="station-picker-item"
                  actions={[
                    <Link key="open" to={`/station/${c.eventId}`}>
                      <Button type="primary" icon={<ScanOutlined />}>
                        {t('station:picker.open')}
                      </Button>
                    </Link>,
                  ]}
                >
                  <List.Item.Meta
                    title={c.title}
                    description={
                      <Flex gap={8} wrap align="center">
                        <span>
                          {formatShanghai(c.startsAt, 'YYYY-MM-DD HH:mm')}–{formatShanghai(c.endsAt, 'HH:mm')}
                        </span>
                        {c.place && <span>{c.place}</span>}
                        {c.doorDuty && <Tag color="green">{t('station:picker.doorDuty')}</Tag>}
                        {c.cachedAt && (
                          <Tag icon={<DatabaseOutlined />} color="blue">
                            {t('station:picker.cachedAt', { time: formatShanghai(c.cachedAt, 'MM-DD HH:mm') })}
                          </Tag>
                        )}
                      </Flex>
                    }
                  />
                </List.Item>
              )}
            />
          )}
        </Card>
      </main>
    </div>
  );
}
