import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  CopyOutlined,
  ExpandOutlined,
  EyeOutlined,
  PlayCircleOutlined,
  PoweroffOutlined,
  RiseOutlined,
  SendOutlined,
  StepForwardOutlined,
} from '@ant-design/icons';
import type { LiveCard, LiveChatMessage } from '@leye/domain';
import { Alert, App, Badge, Button, Card, Descriptions, Empty, Flex, Input, Modal, Popconfirm, QRCode, Result, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { hasErrorCode } from '../../apollo/utils/graphql-errors.js';
import { PageHeader } from '../../layout/components/PageHeader.js';
import { PageSpin } from '../../layout/components/PageSpin.js';
import { useConsoleData } from '../hooks/use-console.js';
import { useLiveBroadcast } from '../hooks/use-live-broadcast.js';
import { absoluteShortUrl } from '../utils/format.js';
import { ChatPanel } from './ChatPanel.js';
import { JobCardView, type CardLike } from './JobCardView.js';
import { LivePlayer } from './LivePlayer.js';
import { LiveStatusTag } from './LiveStatusTag.js';
import './livestream.css';
import { formatShanghai } from '../../events/utils/shanghai-time.js';

/**
 * The host console (desktop first, works on a tablet): go live / end, preview, ingest details, the pinned card
 * with its short link and QR code, the queue of next cards (reorder, push next), viewers and peak, the live
 * feed of applications with per-card counts, the pinned announcement and chat moderation. Organizers covering
 * the region open it too (read-only unless they host; they maintain the keyword filter).
 */
export function HostConsolePage() {
  const { t } = useTranslation(['core', 'livestream']);
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const { show, describe } = useApiError();
  const data = useConsoleData(id);
  const live = useLiveBroadcast(id);
  const { state } = live;
  const broadcast = data.broadcast.data?.broadcast ?? null;
  const [qrOpen, setQrOpen] = useState(false);
  const [announcement, setAnnouncement] = useState<string | null>(null);

  // The line-up in order (GraphQL); the queue of next cards is the line-up after the current card, or what the
  // latest `live:queue` says (another host may have pushed or reordered meanwhile).
  const lineUp = useMemo(() => broadcast?.cards ?? [], [broadcast?.cards]);
  const currentId = state.currentCard?.id ?? state.queue?.currentCardId ?? broadcast?.currentCardId ?? null;
  const queue = useMemo(() => {
    const byId = new Map(lineUp.map((c) => [c.id, c]));
    if (state.queue) return state.queue.cardIds.flatMap((cid) => (byId.has(cid) ? [byId.get(cid)!] : []));
    const i = lineUp.findIndex((c) => c.id === currentId);
    return i < 0 ? lineUp : lineUp.slice(i + 1);
  }, [lineUp, state.queue, currentId]);
  const current: CardLike | null = lineUp.find((c) => c.id === currentId) ?? (state.currentCard as LiveCard | null);

  useEffect(() => {
    if (announcement === null && state.connection === 'live') setAnnouncement(state.announcement ?? '');
  }, [state.connection, state.announcement, announcement]);

  // New applications refresh the list of applications (masked names) from the server.
  const appCount = state.applications.length;
  const refetchApps = data.applications.refetch;
  useEffect(() => {
    if (appCount > 0) void refetchApps();
  }, [appCount, refetchApps]);

  if (data.broadcast.error && !broadcast) {
    const missing = hasErrorCode(data.broadcast.error, 'NOT_FOUND');
    return <Result status={missing ? '404' : 'warning'} title={missing ? t('livestream:viewer.notFound') : describe(data.broadcast.error)} />;
  }
  if (!broadcast) return <PageSpin />;

  const host = broadcast.viewerCan.host;
  const status = state.status ?? broadcast.status;
  const viewers = state.connection === 'connecting' ? broadcast.viewerCount : state.viewers;
  const peak = Math.max(state.peak, broadcast.peakViewers);
  const counts = new Map(state.counts.map((c) => [c.cardId, c]));
  const fail = (reason: string) => void message.error(t('livestream:host.failed', { reason: t(`core:errors.reasons.${reason}`, reason) }));

  const push = async (cardId: string) => {
    const ack = await live.push(cardId);
    if (ack.ok) {
      void message.success(t('livestream:host.pushed'));
      return;
    }
    if (ack.reason !== 'NOT_JOINED') {
      fail(ack.reason);
      return;
    }
    // The socket is down: the mutation does the same.
    try {
      await data.pushCard({ variables: { broadcastId: id, cardId } });
      void message.success(t('livestream:host.pushed'));
    } catch (error) {
      show(error);
    }
  };
  const move = async (cardId: string, delta: number) => {
    // Only the queue moves; the cards up to the current one keep their places.
    const next = queue.map((c) => c.id);
    const from = next.indexOf(cardId);
    const to = from + delta;
    if (from < 0 || to < 0 || to >= next.length) return;
    next.splice(to, 0, ...next.splice(from, 1));
    const inQueue = new Set(next);
    const ids = [...lineUp.filter((c) => !inQueue.has(c.id)).map((c) => c.id), ...next];
    try {
      await data.reorder({ variables: { broadcastId: id, cardIds: ids } });
    } catch (error) {
      show(error);
    }
  };
  const setStatus = async (to: 'LIVE' | 'ENDED') => {
    try {
      if (to === 'LIVE') await data.start({ variables: { id } });
      else await data.end({ variables: { id } });
      void message.success(to === 'LIVE' ? t('livestream:host.started') : t('livestream:host.ended'));
    } catch (error) {
      show(error);
    }
  };
  const saveAnnouncement = async (text: string | null) => {
    const ack = await live.announce(text && text.trim() ? text.trim() : null);
    if (ack.ok) {
      if (!text) setAnnouncement('');
      void message.success(t('livestream:host.announcementSaved'));
      return;
    }
    if (ack.reason !== 'NOT_JOINED') return fail(ack.reason);
    try {
      await data.announce({ variables: { broadcastId: id, text: text?.trim() || null } });
      void message.success(t('livestream:host.announcementSaved'));
    } catch (error) {
      show(error);
    }
  };
  const moderate = async (request: Parameters<typeof live.moderate>[0]) => {
    const ack = await live.moderate(request);
    if (!ack.ok) fail(ack.reason);
    else void data.moderation.refetch();
  };
  const moderation = host
    ? {
        onDelete: (m: LiveChatMessage) => void moderate({ action: 'DELETE', messageId: m.id }),
        onMute: (m: LiveChatMessage, minutes: number) => void moderate({ action: 'MUTE', userId: m.userId, minutes }),
        onBan: (m: LiveChatMessage) => void moderate({ action: 'BAN', userId: m.userId }),
      }
    : undefined;

  const viewerPath = `/events/live/${id}`;
  const shortUrl = current ? absoluteShortUrl(current.shortUrl) : null;
  const connectionColor = { connecting: 'default', live: 'success', reconnecting: 'warning', failed: 'error' } as const;

  return (
    <div data-testid="host-console" data-connection={state.connection}>
      <PageHeader
        title={broadcast.title}
        extra={
          <Flex gap={8} wrap align="center">
            <LiveStatusTag status={status} />
            <Badge status={connectionColor[state.connection]} text={t(`livestream:host.connection.${state.connection}`)} />
            <Link to={viewerPath} target="_blank">
              <Button icon={<EyeOutlined />}>{t('livestream:host.openViewer')}</Button>
            </Link>
            {host && status === 'SCHEDULED' && (
              <Popconfirm title={t('livestream:host.goLiveConfirm')} onConfirm={() => void setStatus('LIVE')}>
                <Button type="primary" danger icon={<PlayCircleOutlined />} loading={data.starting} data-testid="go-live">
                  {t('livestream:host.goLive')}
                </Button>
              </Popconfirm>
            )}
            {host && status === 'LIVE' && (
              <Popconfirm title={t('livestream:host.endConfirm')} onConfirm={() => void setStatus('ENDED')}>
                <Button icon={<PoweroffOutlined />} loading={data.ending} data-testid="end-live">
                  {t('livestream:host.end')}
                </Button>
              </Popconfirm>
            )}
          </Flex>
        }
      />
      {!host && <Alert type="info" showIcon message={t('livestream:host.notHost')} style={{ marginBottom: 16 }} />}
      {state.connection === 'reconnecting' && <Alert type="warning" showIcon message={t('livestream:viewer.reconnecting')} style={{ marginBottom: 16 }} />}

      <div className="live-console">
        <div className="live-console-col">
          <Card size="small" title={t('livestream:host.preview')} variant="borderless">
            <div className="live-stage">
              <LivePlayer src={broadcast.playbackUrl} />
            </div>
            <Flex gap={24} style={{ marginTop: 12 }}>
              <div>
                <Typography.Text type="secondary">
                  <EyeOutlined /> {t('livestream:host.viewers')}
                </Typography.Text>
                <div className="live-figure" data-testid="host-viewers" data-value={viewers}>
                  {viewers}
                </div>
              </div>
              <div>
                <Typography.Text type="secondary">
                  <RiseOutlined /> {t('livestream:host.peak')}
                </Typography.Text>
                <div className="live-figure" data-testid="host-peak">
                  {peak}
                </div>
              </div>
              <div>
                <Typography.Text type="secondary">{t('livestream:host.applications')}</Typography.Text>
                <div className="live-figure">{state.counts.reduce((n, c) => n + c.applications, 0)}</div>
              </div>
            </Flex>
          </Card>
          {broadcast.ingest && (
            <Card size="small" title={t('livestream:host.ingest')} variant="borderless">
              <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                {t('livestream:host.ingestHint')}
              </Typography.Paragraph>
              <Descriptions column={1} size="small" bordered>
                <Descriptions.Item label={t('livestream:host.rtmpUrl')}>
                  {broadcast.ingest.rtmpUrl ? (
                    <Typography.Text copyable className="live-mono">{broadcast.ingest.rtmpUrl}</Typography.Text>
                  ) : (
                    <Typography.Text type="secondary">{t('livestream:host.notConfigured')}</Typography.Text>
                  )}
                </Descriptions.Item>
                <Descriptions.Item label={t('livestream:host.streamKey')}>
                  <Typography.Text copyable={{ text: broadcast.ingest.rtmpStreamKey }} className="live-mono" data-testid="stream-key">
                    {maskKey(broadcast.ingest.rtmpStreamKey)}
                  </Typography.Text>
                </Descriptions.Item>
                {broadcast.ingest.whipUrl && (
                  <Descriptions.Item label={t('livestream:host.whipUrl')}>
                    <Typography.Text copyable className="live-mono">{broadcast.ingest.whipUrl}</Typography.Text>
                  </Descriptions.Item>
                )}
                <Descriptions.Item label={t('livestream:host.autopilotKey')}>
                  <Typography.Text copyable={{ text: broadcast.ingest.streamKey }} className="live-mono">
                    {maskKey(broadcast.ingest.streamKey)}
                  </Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label={t('livestream:host.playbackUrl')}>
                  {broadcast.playbackUrl ? (
                    <Typography.Text copyable className="live-mono">{broadcast.playbackUrl}</Typography.Text>
                  ) : (
                    <Typography.Text type="secondary">{t('livestream:host.playbackMissing')}</Typography.Text>
                  )}
                </Descriptions.Item>
              </Descriptions>
            </Card>
          )}
        </div>

        <div className="live-console-col">
          <Card size="small" title={t('livestream:host.current')} variant="borderless" data-testid="host-current">
            {current ? (
              <>
                <JobCardView card={current} />
                {shortUrl && (
                  <Flex gap={12} align="center" style={{ marginTop: 12 }} wrap>
                    <QRCode value={shortUrl} size={112} bordered={false} data-testid="card-qr" />
                    <div style={{ minWidth: 0, flex: '1 1 160px' }}>
                      <Typography.Text strong>{t('livestream:host.shortLink')}</Typography.Text>
                      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '4px 0' }}>
                        {t('livestream:host.shortLinkHint')}
                      </Typography.Paragraph>
                      <Typography.Text copyable={{ text: shortUrl, icon: <CopyOutlined /> }} className="live-mono" data-testid="short-link">
                        {shortUrl}
                      </Typography.Text>
                      <div>
                        <Button size="small" icon={<ExpandOutlined />} onClick={() => setQrOpen(true)} style={{ marginTop: 6 }}>
                          {t('livestream:host.fullscreenQr')}
                        </Button>
                      </div>
                    </div>
                  </Flex>
                )}
              </>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('livestream:host.noCurrent')} />
            )}
          </Card>
          <Card
            size="small"
            variant="borderless"
            title={t('livestream:host.queue')}
            extra={
              host && (
                <Button
                  type="primary"
                  icon={<StepForwardOutlined />}
                  disabled={queue.length === 0 || status === 'ENDED'}
                  onClick={() => queue[0] && void push(queue[0].id)}
                  data-testid="push-next"
                >
                  {t('livestream:host.pushNext')}
                </Button>
              )
            }
          >
            {lineUp.length === 0 || queue.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('livestream:host.queueEmpty')} />
            ) : (
              queue.map((c, i) => {
                const n = counts.get(c.id);
                return (
                  <div key={c.id} className="live-queue-row" data-testid="queue-card" data-card-id={c.id} data-title={c.title}>
                    <Typography.Text type="secondary" style={{ width: 20 }}>
                      {i + 1}
                    </Typography.Text>
                    <div style={{ flex: 1, minWidth: 0 }}>
                      <Typography.Text strong ellipsis style={{ display: 'block' }}>
                        {c.title}
                      </Typography.Text>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {c.employerName}
                        {c.shownCount > 0 && ` · ${t('livestream:host.shown', { count: c.shownCount })}`}
                        {n && ` · ${t('livestream:host.applications')} ${n.applications}`}
                      </Typography.Text>
                    </div>
                    {host && (
                      <Space size={2}>
                        <Button size="small" type="text" icon={<ArrowUpOutlined />} disabled={i === 0 || data.reordering} onClick={() => void move(c.id, -1)} aria-label={t('livestream:host.moveUp')} />
                        <Button size="small" type="text" icon={<ArrowDownOutlined />} disabled={i === queue.length - 1 || data.reordering} onClick={() => void move(c.id, 1)} aria-label={t('livestream:host.moveDown')} />
                        <Button size="small" icon={<SendOutlined />} disabled={status === 'ENDED'} onClick={() => void push(c.id)} data-testid="push-card">
                          {t('livestream:host.push')}
                        </Button>
                      </Space>
                    )}
                  </div>
                );
              })
            )}
          </Card>
          <Card size="small" variant="borderless" title={t('livestream:host.perCard')}>
            {lineUp.map((c) => {
              const n = counts.get(c.id);
              return (
                <div key={c.id} className="live-feed-row" data-testid="card-count" data-card-id={c.id} data-applications={n?.applications ?? 0}>
                  <Typography.Text ellipsis style={{ flex: 1, minWidth: 0 }}>
                    {c.id === currentId && <Tag color="red" bordered={false}>{t('livestream:card.current')}</Tag>}
                    {c.title}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ flex: 'none' }}>
                    {t('livestream:host.impressions')} {n?.impressions ?? 0} · {t('livestream:host.applications')} <b>{n?.applications ?? 0}</b>
                  </Typography.Text>
                  {host && c.id !== currentId && status !== 'ENDED' && (
                    <Button size="small" type="link" style={{ flex: 'none', padding: '0 4px' }} onClick={() => void push(c.id)}>
                      {t('livestream:host.push')}
                    </Button>
                  )}
                </div>
              );
            })}
          </Card>
        </div>

        <div className="live-console-col">
          <Card size="small" variant="borderless" title={t('livestream:host.applicationsFeed')} data-testid="applications-feed">
            {(data.applications.data?.broadcastApplications.items.length ?? 0) === 0 && state.applications.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('livestream:host.applicationsEmpty')} />
            ) : (
              <div style={{ maxHeight: 220, overflowY: 'auto' }}>
                {mergeFeed(state.applications, data.applications.data?.broadcastApplications.items ?? []).map((a) => (
                  <div key={a.id} className="live-feed-row" data-testid="feed-row">
                    <Typography.Text ellipsis style={{ minWidth: 0 }}>
                      <b>{a.name}</b> · {a.postingTitle}
                    </Typography.Text>
                    <Typography.Text type="secondary" style={{ flex: 'none' }}>
                      {formatShanghai(a.at, 'HH:mm:ss')}
                    </Typography.Text>
                  </div>
                ))}
              </div>
            )}
          </Card>
          {host && (
            <Card size="small" variant="borderless" title={t('livestream:host.announcement')}>
              <Input.TextArea
                value={announcement ?? ''}
                onChange={(e) => setAnnouncement(e.target.value)}
                placeholder={t('livestream:host.announcementPlaceholder')}
                autoSize={{ minRows: 2, maxRows: 4 }}
                maxLength={200}
                data-testid="announcement-input"
              />
              <Flex gap={8} justify="end" style={{ marginTop: 8 }}>
                <Button disabled={!state.announcement} onClick={() => void saveAnnouncement(null)}>
                  {t('livestream:host.announcementClear')}
                </Button>
                <Button type="primary" disabled={!announcement?.trim()} onClick={() => void saveAnnouncement(announcement)} data-testid="announcement-save">
                  {t('livestream:host.announcementSave')}
                </Button>
              </Flex>
            </Card>
          )}
          <Card size="small" variant="borderless" title={t('livestream:host.chat')}>
            <ChatPanel messages={state.chat} you={state.you} signedIn send={live.sendChat} moderation={moderation} height={260} />
          </Card>
          {(host || broadcast.viewerCan.manage) && (
            <ModerationCard
              restrictions={data.moderation.data?.broadcastModeration.restrictions ?? []}
              keywords={data.keywords.data?.chatKeywords ?? null}
              readOnlyKeywords={data.moderation.data?.broadcastModeration.keywords ?? []}
              onLift={async (userId, kind) => {
                try {
                  await data.lift({ variables: { broadcastId: id, userId, kind } });
                } catch (error) {
                  show(error);
                }
              }}
              onAddKeyword={async (word) => {
                try {
                  await data.addKeyword({ variables: { word } });
                } catch (error) {
                  show(error);
                }
              }}
              onRemoveKeyword={async (kid) => {
                try {
                  await data.removeKeyword({ variables: { id: kid } });
                } catch (error) {
                  show(error);
                }
              }}
            />
          )}
        </div>
      </div>

      <Modal open={qrOpen} onCancel={() => setQrOpen(false)} footer={null} width={560} centered title={current?.title}>
        {current && shortUrl && (
          <div className="live-qr-full">
            <QRCode value={shortUrl} size={360} />
            <Typography.Title level={4} style={{ margin: 0 }}>
              {current.employerName}
            </Typography.Title>
            <Typography.Text className="live-mono">{shortUrl}</Typography.Text>
          </div>
        )}
      </Modal>
    </div>
  );
}

/** Keys are secrets on a screen that may be shared: the first characters, the rest copied only. */
function maskKey(key: string): string {
  return `${key.slice(0, 6)}••••••`;
}

interface FeedRow {
  id: string;
  name: string;
  postingTitle: string;
  at: string;
}

function mergeFeed(
  live: { applicationId: string; applicantName: string; postingTitle: string; at: string }[],
  listed: { id: string; applicantName: string; postingTitle: string; submittedAt: string }[],
): FeedRow[] {
  const rows = new Map<string, FeedRow>();
  for (const a of live) rows.set(a.applicationId, { id: a.applicationId, name: a.applicantName, postingTitle: a.postingTitle, at: a.at });
  for (const a of listed) if (!rows.has(a.id)) rows.set(a.id, { id: a.id, name: a.applicantName, postingTitle: a.postingTitle, at: a.submittedAt });
  return [...rows.values()].sort((a, b) => b.at.localeCompare(a.at));
}

function ModerationCard(props: {
  restrictions: { userId: string; displayName: string; kind: 'MUTE' | 'BAN'; until: string | null }[];
  keywords: { id: string; word: string }[] | null;
  readOnlyKeywords: string[];
  onLift(userId: string, kind: 'MUTE' | 'BAN'): Promise<void>;
  onAddKeyword(word: string): Promise<void>;
  onRemoveKeyword(id: string): Promise<void>;
}) {
  const { t } = useTranslation(['core', 'livestream']);
  const [word, setWord] = useState('');
  return (
    <Card size="small" variant="borderless" title={t('livestream:host.restrictions')}>
      {props.restrictions.length === 0 ? (
        <Typography.Text type="secondary">{t('livestream:host.restrictionsEmpty')}</Typography.Text>
      ) : (
        props.restrictions.map((r) => (
          <div key={`${r.userId}-${r.kind}`} className="live-feed-row" data-testid="restriction">
            <Typography.Text>
              {r.displayName} ·{' '}
              {r.kind === 'BAN' ? t('livestream:host.bannedLabel') : t('livestream:host.mutedUntil', { time: r.until ? formatShanghai(r.until, 'HH:mm') : '' })}
            </Typography.Text>
            <Button size="small" type="link" onClick={() => void props.onLift(r.userId, r.kind)}>
              {t('livestream:host.lift')}
            </Button>
          </div>
        ))
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('livestream:host.keywords')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('livestream:host.keywordsHint')}
      </Typography.Paragraph>
      <Flex gap={4} wrap>
        {props.keywords
          ? props.keywords.map((k) => (
              <Tag key={k.id} closable onClose={() => void props.onRemoveKeyword(k.id)}>
                {k.word}
              </Tag>
            ))
          : props.readOnlyKeywords.map((w) => <Tag key={w}>{w}</Tag>)}
      </Flex>
      {props.keywords && (
        <Space.Compact style={{ marginTop: 8, width: '100%' }}>
          <Input value={word} onChange={(e) => setWord(e.target.value)} placeholder={t('livestream:host.keywordPlaceholder')} maxLength={40} data-testid="keyword-input" />
          <Button
            data-testid="keyword-add"
            onClick={() => {
              if (!word.trim()) return;
              void props.onAddKeyword(word.trim()).then(() => setWord(''));
            }}
          >
            {t('livestream:host.keywordAdd')}
          </Button>
        </Space.Compact>
      )}
    </Card>
  );
}
