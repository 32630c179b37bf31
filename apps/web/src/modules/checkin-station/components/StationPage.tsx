import { ArrowLeftOutlined, CloudSyncOutlined, DisconnectOutlined, ReloadOutlined, WifiOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Input, List, Result, Segmented, Spin, Statistic, Tabs, Tag, Typography, type InputRef } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatShanghai } from '../../events/utils/shanghai-time.js';
import { Link, useParams } from 'react-router';
import { graphQLErrorMessage } from '../../apollo/utils/graphql-errors.js';
import { LanguageSwitch } from '../../i18n/components/LanguageSwitch.js';
import { useStation } from '../hooks/use-station.js';
import { useStationServiceWorker } from '../hooks/use-station-service-worker.js';
import { admittedSet, conflictList } from '../utils/scan-logic.js';
import { CameraScanner } from './CameraScanner.js';
import { PhoneLookup, ScanHistory, useScanWording, VerdictBanner, WalkInForm } from './StationParts.js';
import './station.css';

/**
 * The check-in station of one event (`/station/:eventId`), for organizer staff and door volunteers, on a phone,
 * tablet or laptop at a gate: choose the gate, then scan (handheld scanner or typed code + Enter, camera, image),
 * look people up by phone digits, register walk-ins. Works offline: see docs/checkin-station.md.
 */
export function StationPage({ accountId }: { accountId: string | null }) {
  const { eventId = '' } = useParams();
  const { t, i18n } = useTranslation(['core', 'station']);
  const { message } = App.useApp();
  const station = useStation(eventId, accountId);
  const worker = useStationServiceWorker();
  const word = useScanWording();
  const [code, setCode] = useState('');
  const [tab, setTab] = useState('scan');
  const codeInput = useRef<InputRef>(null);

  const gateNames = useMemo(() => new Map((station.station?.gates ?? []).map((g) => [g.id, g.name])), [station.station]);
  const admitted = useMemo(() => admittedSet(station.station?.registrations ?? [], station.scans), [station.station, station.scans]);
  const conflicts = useMemo(() => conflictList(station.scans), [station.scans]);
  const gate = station.gateId ? gateNames.get(station.gateId) : undefined;

  // A handheld scanner types into the focused field: keep the code field focused while scanning.
  useEffect(() => {
    if (tab === 'scan' && gate) codeInput.current?.focus();
  }, [tab, gate, station.lastScan]);

  useEffect(() => {
    if (station.sync.lastError) void message.error(t('station:errors.upload', { reason: graphQLErrorMessage(station.sync.lastError, i18n) }));
  }, [station.sync.lastError, message, t, i18n]);

  const submitCode = (text: string, source: 'TYPED' | 'CAMERA' | 'IMAGE' = 'TYPED') => {
    if (!text.trim()) return;
    void station.scanCode(text, source);
    if (source === 'TYPED') setCode('');
  };

  if (station.load.status === 'loading') {
    return (
      <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
        <Spin size="large" description={t('common.loading')} />
      </Flex>
    );
  }
  if (station.load.status === 'error') {
    return (
      <Flex align="center" justify="center" style={{ minHeight: '100vh', padding: 16 }}>
        <Result
          status="warning"
          title={t('station:errors.load')}
          subTitle={station.load.offline ? t('station:errors.notCached') : graphQLErrorMessage(station.load.error, i18n)}
          extra={[
            <Button key="retry" type="primary" icon={<ReloadOutlined />} onClick={station.reload}>
              {t('common.retry')}
            </Button>,
            <Link key="back" to="/station">
              <Button>{t('station:header.back')}</Button>
            </Link>,
          ]}
        />
      </Flex>
    );
  }

  const data = station.station!;
  const { numbers, online } = station;
  const statusText = online
    ? numbers.waiting > 0
      ? t('station:header.waiting', { count: numbers.waiting })
      : t('station:header.online')
    : numbers.waiting > 0
      ? t('station:header.offlineWaiting', { count: numbers.waiting })
      : t('station:header.offline');

  return (
    <div className="station" data-online={online ? 'true' : 'false'}>
      <header className="station-header">
        <Flex align="center" gap={8} style={{ minWidth: 0, flex: 1 }}>
          <Link to="/station" aria-label={t('station:header.back')}>
            <Button type="text" icon={<ArrowLeftOutlined />} className="station-header-button" />
          </Link>
          <Flex vertical style={{ minWidth: 0 }}>
            <Typography.Text className="station-header-title" ellipsis data-testid="station-title">
              {data.title}
            </Typography.Text>
            <Typography.Text className="station-header-sub" ellipsis>
              {t('station:header.title')}
              {gate ? ` · ${gate}` : ''}
            </Typography.Text>
          </Flex>
        </Flex>
        <Tag
          className="station-online"
          color={online ? (numbers.waiting > 0 ? 'processing' : 'success') : 'error'}
          icon={online ? (station.sync.uploading ? <CloudSyncOutlined spin /> : <WifiOutlined />) : <DisconnectOutlined />}
          data-testid="station-online-status"
          data-online={online ? 'true' : 'false'}
          data-waiting={numbers.waiting}
        >
          {statusText}
        </Tag>
        <LanguageSwitch compact />
      </header>

      <main className="station-main">
        {worker.needRefresh && (
          <Alert
            type="info"
            showIcon
            title={t('station:header.update')}
            action={
              <Button size="small" type="primary" onClick={worker.applyUpdate}>
                <ReloadOutlined />
              </Button>
            }
          />
        )}
        {station.load.source === 'cache' && (
          <Alert type="warning" showIcon title={t('station:header.cachedCopy', { time: formatShanghai(data.loadedAt, 'MM-DD HH:mm') })} data-testid="station-cached" />
        )}

        <Card size="small" className="station-gate-card">
          <Flex align="center" gap={12} wrap>
            <Typography.Text strong>{t('station:gate.label')}</Typography.Text>
            {data.gates.length === 0 ? (
              <Typography.Text type="danger">{t('station:gate.none')}</Typography.Text>
            ) : (
              <Segmented
                value={station.gateId ?? ''}
                onChange={(v) => station.chooseGate(String(v) || null)}
                options={data.gates.map((g) => ({ value: g.id, label: g.name }))}
                data-testid="station-gate"
              />
            )}
          </Flex>
          {!gate && data.gates.length > 0 && (
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
              {t('station:gate.chooseHint')}
            </Typography.Paragraph>
          )}
        </Card>

        <div className="station-counts">
          <Card size="small">
            <Statistic title={t('station:counts.admitted')} value={numbers.admitted} data-testid="station-count-admitted" />
            {numbers.admittedWaiting > 0 && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('station:counts.admittedWaiting', { count: numbers.admittedWaiting })}
              </Typography.Text>
            )}
          </Card>
          <Card size="small">
            <Statistic title={t('station:counts.waiting')} value={numbers.waiting} data-testid="station-count-waiting" />
          </Card>
          <Card size="small">
            <Statistic
              title={t('station:counts.conflicts')}
              value={numbers.conflicts}
              data-testid="station-count-conflicts"
              styles={{ content: numbers.conflicts > 0 ? { color: '#d46b08' } : undefined }}
            />
          </Card>
        </div>

        {gate && (
          <>
            <VerdictBanner scan={station.lastScan} />
            <Card size="small">
              <Tabs
                activeKey={tab}
                onChange={setTab}
                items={[
                  {
                    key: 'scan',
                    label: t('station:tabs.scan'),
                    children: (
                      <Flex vertical gap={12}>
                        <Input.Search
                          ref={codeInput}
                          size="large"
                          value={code}
                          onChange={(e) => setCode(e.target.value)}
                          onSearch={(value) => submitCode(value)}
                          enterButton={t('station:scan.submit')}
                          placeholder={t('station:scan.codePlaceholder')}
                          aria-label={t('station:scan.codeLabel')}
                          autoComplete="off"
                          autoCapitalize="off"
                          spellCheck={false}
                          data-testid="station-code-input"
                        />
                        <CameraScanner onCode={(text, source) => submitCode(text, source)} />
                      </Flex>
                    ),
                  },
                  {
                    key: 'phone',
                    label: t('station:tabs.phone'),
                    children: <PhoneLookup registrations={data.registrations} admitted={admitted} onCheckIn={(id) => void station.checkIn(id)} />,
                  },
                  {
                    key: 'walkIn',
                    label: t('station:tabs.walkIn'),
                    children: <WalkInForm online={online && !!accountId} onSubmit={station.walkIn} />,
                  },
                ]}
              />
            </Card>
          </>
        )}

        {conflicts.length > 0 && (
          <Card size="small" title={t('station:conflicts.title')} className="station-conflicts" data-testid="station-conflicts">
            <Typography.Paragraph type="secondary">{t('station:conflicts.hint')}</Typography.Paragraph>
            <List
              size="small"
              dataSource={conflicts}
              rowKey="scanId"
              renderItem={(scan) => (
                <List.Item data-testid="station-conflict">
                  <Flex justify="space-between" style={{ width: '100%' }} gap={8} wrap>
                    <Typography.Text strong>{scan.displayName ?? t('station:history.anonymous')}</Typography.Text>
                    <Typography.Text type="secondary">
                      {formatShanghai(scan.scannedAt, 'HH:mm:ss')} · {gateNames.get(scan.gateId) ?? ''} · {word(scan)}
                    </Typography.Text>
                  </Flex>
                </List.Item>
              )}
            />
          </Card>
        )}

        <Card size="small" title={t('station:history.title')}>
          <ScanHistory scans={station.scans} gateNames={gateNames} />
        </Card>
      </main>
    </div>
  );
}
