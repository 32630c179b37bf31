import { DesktopOutlined, DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Card, Col, Flex, Input, Result, Row, Space, Statistic, Table } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  BroadcastFunnelDocument,
  BroadcastStatsDocument,
  LiveBroadcastDocument,
  UpdateBroadcastPlaybackDocument,
} from '../../../generated/graphql.js';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { hasErrorCode } from '../../apollo/utils/graphql-errors.js';
import { PageHeader } from '../../layout/components/PageHeader.js';
import { PageSpin } from '../../layout/components/PageSpin.js';
import { downloadExport } from '../../auth/utils/download-export.js';
import { FunnelBar } from './FunnelBar.js';
import { LiveStatusTag } from './LiveStatusTag.js';

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

/** One broadcast for organizers: figures (peak, unique viewers, watch minutes), funnel per card, Excel, playback URL. */
export function BroadcastStatsPage() {
  const { t } = useTranslation(['core', 'livestream']);
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const { show, describe } = useApiError();
  const broadcast = useQuery(LiveBroadcastDocument, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const stats = useQuery(BroadcastStatsDocument, { variables: { broadcastId: id }, fetchPolicy: 'cache-and-network' });
  const funnel = useQuery(BroadcastFunnelDocument, { variables: { broadcastId: id }, fetchPolicy: 'cache-and-network' });
  const [update, updating] = useMutation(UpdateBroadcastPlaybackDocument);
  const [playback, setPlayback] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const b = broadcast.data?.broadcast;
  useEffect(() => {
    if (b && playback === null) setPlayback(b.playbackUrl ?? '');
  }, [b, playback]);

  if (broadcast.error && !b) {
    const missing = hasErrorCode(broadcast.error, 'NOT_FOUND');
    return <Result status={missing ? '404' : 'warning'} title={missing ? t('livestream:viewer.notFound') : describe(broadcast.error)} />;
  }
  if (!b) return <PageSpin />;
  const s = stats.data?.broadcastStats;
  const f = funnel.data?.broadcastFunnel;
  const funnelByCard = new Map((f?.cards ?? []).map((c) => [c.cardId, c.funnel]));

  const exportExcel = async () => {
    setExporting(true);
    try {
      await downloadExport(`/exports/broadcasts/${id}/stats.xlsx`, `broadcast-${id}.xlsx`);
    } catch {
      void message.error(t('livestream:organizer.exportFailed'));
    } finally {
      setExporting(false);
    }
  };
  const savePlayback = async () => {
    try {
      await update({ variables: { id, input: { playbackUrl: (playback ?? '').trim() } } });
      void message.success(t('livestream:organizer.playbackSaved'));
    } catch (error) {
      show(error);
    }
  };

  return (
    <>
      <PageHeader
        title={b.title}
        extra={
          <Space wrap>
            <LiveStatusTag status={b.status} />
            <Link to="console">
              <Button icon={<DesktopOutlined />}>{t('livestream:organizer.console')}</Button>
            </Link>
            <Button type="primary" icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportExcel()} data-testid="export-stats">
              {t('livestream:organizer.export')}
            </Button>
          </Space>
        }
      />
      <Row gutter={[16, 16]}>
        {(
          [
            ['peakViewers', s?.peakViewers ?? b.peakViewers],
            ['uniqueViewers', s?.uniqueViewers ?? 0],
            ['watchMinutes', s?.watchMinutes ?? 0],
            ['impressions', s?.impressions ?? 0],
            ['applications', s?.applications ?? 0],
            ['conversion', s ? pct(s.conversion) : '—'],
          ] as const
        ).map(([key, value]) => (
          <Col key={key} xs={12} md={8} xl={4}>
            <Card variant="borderless" size="small">
              <Statistic title={t(`livestream:organizer.${key}`)} value={value} data-testid={`stat-${key}`} />
            </Card>
          </Col>
        ))}
      </Row>
      {f && (
        <Card variant="borderless" size="small" style={{ marginTop: 16 }} title={t('livestream:organizer.total')}>
          <FunnelBar funnel={f.total} testId="total-funnel" />
        </Card>
      )}
      <Card variant="borderless" style={{ marginTop: 16 }} title={t('livestream:organizer.perCard')}>
        <Table
          rowKey="cardId"
          size="small"
          pagination={false}
          scroll={{ x: 800 }}
          loading={stats.loading && !s}
          dataSource={s?.cards ?? []}
          columns={[
            { title: t('livestream:organizer.posting'), dataIndex: 'postingTitle' },
            { title: t('livestream:organizer.employer'), dataIndex: 'employerName' },
            { title: t('livestream:organizer.shownCount'), dataIndex: 'shownCount', align: 'right', width: 90 },
            {
              title: t('livestream:organizer.funnel'),
              render: (_, c) => {
                const cf = funnelByCard.get(c.cardId);
                return cf ? <FunnelBar funnel={cf} /> : `${c.impressions} → ${c.applications}`;
              },
            },
            { title: t('livestream:organizer.conversion'), dataIndex: 'conversion', align: 'right', width: 90, render: (v: number) => pct(v) },
          ]}
        />
      </Card>
      {b.viewerCan.manage && (
        <Card variant="borderless" style={{ marginTop: 16 }} title={t('livestream:organizer.playbackUrl')}>
          <Flex gap={8}>
            <Input
              value={playback ?? ''}
              onChange={(e) => setPlayback(e.target.value)}
              placeholder="https://…/live/index.m3u8"
              data-testid="playback-input"
            />
            <Button type="primary" loading={updating.loading} onClick={() => void savePlayback()} data-testid="playback-save">
              {t('livestream:organizer.playbackSave')}
            </Button>
          </Flex>
        </Card>
      )}
    </>
  );
}
