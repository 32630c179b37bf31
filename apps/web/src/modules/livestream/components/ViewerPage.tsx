import { EyeOutlined, NotificationOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Card, Empty, Flex, Grid, Result, Space, Tabs, Tag, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { LiveBroadcastDocument, RecordCardImpressionDocument } from '../../../generated/graphql.js';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { hasErrorCode } from '../../apollo/utils/graphql-errors.js';
import { useAuth } from '../../auth/hooks/use-auth.js';
import { PageSpin } from '../../layout/components/PageSpin.js';
import { PublicLayout } from '../../public-events/components/PublicLayout.js';
import { useApplyFromCard } from '../hooks/use-apply.js';
import { useLiveBroadcast } from '../hooks/use-live-broadcast.js';
import { liveViewerKey } from '../utils/viewer-key.js';
import { ApplyAction } from './ApplyAction.js';
import { ChatPanel } from './ChatPanel.js';
import { JobCardView } from './JobCardView.js';
import { LivePlayer } from './LivePlayer.js';
import { LiveStatusTag } from './LiveStatusTag.js';
import './livestream.css';
import { formatShanghai } from '../../events/utils/shanghai-time.js';

/**
 * The viewer page (public, phone first): the stream, the pinned job card with one-tap apply, the cards shown so
 * far, chat for signed-in seekers, viewer count and announcement — all kept live by the `/live` socket, which
 * resynchronises after a reconnect (a small banner says so meanwhile). Opened from a card's short link or QR
 * code (`?card=<id>&via=link`) it shows that card first and credits applications to it as LINK.
 */
export function ViewerPage() {
  const { t } = useTranslation(['core', 'livestream']);
  const { id } = useParams();
  const [params] = useSearchParams();
  const screens = Grid.useBreakpoint();
  const { user } = useAuth();
  const { describe } = useApiError();
  const query = useQuery(LiveBroadcastDocument, { variables: { id: id ?? '' }, skip: !id, fetchPolicy: 'cache-and-network' });
  const broadcast = query.data?.broadcast ?? null;
  const { state, sendChat, impression } = useLiveBroadcast(id);
  const liveApplier = useApplyFromCard('LIVE');
  const linkApplier = useApplyFromCard('LINK');
  const [recordImpression] = useMutation(RecordCardImpressionDocument);

  const linkCardId = params.get('via') === 'link' ? params.get('card') : null;
  const linkCard = useMemo(() => broadcast?.cards.find((c) => c.id === linkCardId) ?? null, [broadcast, linkCardId]);

  // A short link / QR code counts one impression per viewer key (the API deduplicates).
  const linkRecorded = useRef<string | null>(null);
  useEffect(() => {
    if (!linkCard || linkRecorded.current === linkCard.id) return;
    linkRecorded.current = linkCard.id;
    void recordImpression({ variables: { cardId: linkCard.id, viewerKey: liveViewerKey(), via: 'LINK' } }).catch(() => undefined);
  }, [linkCard, recordImpression]);

  // The pinned card counts an impression once it is on screen.
  const current = state.currentCard;
  const impressed = useRef<string | null>(null);
  useEffect(() => {
    if (!current || state.connection !== 'live' || impressed.current === current.id) return;
    impressed.current = current.id;
    void impression(current.id);
  }, [current, state.connection, impression]);

  // A reconnect after a real drop shows "reconnected" briefly.
  const wasDown = useRef(false);
  const [notice, setNotice] = useState(false);
  useEffect(() => {
    if (state.connection === 'reconnecting') wasDown.current = true;
    if (state.connection === 'live' && wasDown.current) {
      wasDown.current = false;
      setNotice(true);
      const timer = setTimeout(() => setNotice(false), 2_000);
      return () => clearTimeout(timer);
    }
    return undefined;
  }, [state.connection, setNotice]);

  if (!id) return null;
  if (query.error && !broadcast)
    return (
      <PublicLayout>
        <Result
          status={hasErrorCode(query.error, 'NOT_FOUND') ? '404' : 'warning'}
          title={hasErrorCode(query.error, 'NOT_FOUND') ? t('livestream:viewer.notFound') : describe(query.error)}
        />
      </PublicLayout>
    );
  if (!broadcast) return <PageSpin />;

  const status = state.status ?? broadcast.status;
  const title = state.title || broadcast.title;
  const playbackUrl = state.connection === 'connecting' ? broadcast.playbackUrl : state.playbackUrl;
  const announcement = state.connection === 'connecting' ? (broadcast.announcement ?? null) : state.announcement;
  const viewers = state.connection === 'connecting' ? broadcast.viewerCount : state.viewers;
  const shown = state.shownCards.filter((c) => c.id !== current?.id);
  const wide = !!screens.lg;

  const currentBlock = (
    <Card
      variant="borderless"
      className="live-current"
      data-testid="current-card-box"
      data-pushed-at={state.cardPushedAt ?? undefined}
      data-arrived-at={state.cardArrivedAt ?? undefined}
      size="small"
    >
      {current ? (
        <JobCardView
          key={current.id}
          card={current}
          badge={
            <Tag color="red" bordered={false} className="live-current-tag">
              {t('livestream:card.current')}
            </Tag>
          }
          extra={<ApplyAction card={current} applier={liveApplier} />}
        />
      ) : (
        <Typography.Text type="secondary">{t('livestream:card.none')}</Typography.Text>
      )}
    </Card>
  );

  const shownBlock =
    shown.length === 0 ? (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('livestream:card.none')} />
    ) : (
      <Space direction="vertical" style={{ width: '100%' }} size={8} data-testid="shown-cards">
        {shown.map((c) => (
          <Card key={c.id} size="small" variant="outlined">
            <JobCardView card={c} compact extra={<ApplyAction card={c} applier={liveApplier} size="middle" block={false} />} />
          </Card>
        ))}
      </Space>
    );

  const chatBlock = (
    <ChatPanel messages={state.chat} you={state.you} signedIn={!!user} send={sendChat} height={wide ? 420 : 240} />
  );

  return (
    <PublicLayout>
      {(state.connection === 'reconnecting' || notice) && (
        <div className={`live-banner ${notice ? 'live-banner-ok' : ''}`} role="status" data-testid="reconnecting-banner">
          {notice ? t('livestream:viewer.reconnected') : t('livestream:viewer.reconnecting')}
        </div>
      )}
      <div className="live-viewer" data-testid="viewer-page" data-connection={state.connection}>
        <div className="live-main">
          <div className="live-stage">
            <LivePlayer src={status === 'ENDED' ? null : playbackUrl} />
            <Flex className="live-stage-overlay" gap={6} align="center">
              <LiveStatusTag status={status} />
              <span className="live-viewers" data-testid="viewer-count" data-value={viewers}>
                <EyeOutlined /> {t('livestream:viewer.viewers', { count: viewers })}
              </span>
            </Flex>
          </div>
          <Typography.Title level={wide ? 3 : 5} className="live-title" data-testid="broadcast-title">
            {title}
          </Typography.Title>
          {status === 'SCHEDULED' && (
            <Alert type="info" showIcon message={t('livestream:viewer.scheduled', { time: formatShanghai(broadcast.startsAt) })} style={{ marginBottom: 12 }} />
          )}
          {status === 'ENDED' && <Alert type="info" showIcon message={t('livestream:viewer.ended')} style={{ marginBottom: 12 }} />}
          {announcement && (
            <Alert
              type="warning"
              showIcon
              icon={<NotificationOutlined />}
              message={announcement}
              className="live-announcement"
              data-testid="announcement"
              style={{ marginBottom: 12 }}
            />
          )}
          {linkCard && linkCard.id !== current?.id && (
            <Card variant="borderless" className="live-current live-link-card" size="small" data-testid="link-card">
              <JobCardView card={linkCard} extra={<ApplyAction card={linkCard} applier={linkApplier} />} />
            </Card>
          )}
          {currentBlock}
          {wide && (
            <div style={{ marginTop: 16 }}>
              <Typography.Title level={5}>{t('livestream:card.shownSoFar')}</Typography.Title>
              {shownBlock}
            </div>
          )}
        </div>
        <div className="live-side">
          {wide ? (
            <Card size="small" title={t('livestream:chat.title')} variant="borderless">
              {chatBlock}
            </Card>
          ) : (
            <Tabs
              className="live-tabs"
              items={[
                { key: 'chat', label: t('livestream:chat.title'), children: chatBlock },
                { key: 'shown', label: `${t('livestream:card.shownSoFar')} ${shown.length || ''}`, children: shownBlock },
              ]}
            />
          )}
        </div>
      </div>
    </PublicLayout>
  );
}
