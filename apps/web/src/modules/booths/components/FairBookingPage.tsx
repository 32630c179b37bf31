import { ArrowLeftOutlined, TeamOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Flex, Result, Row, Skeleton, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { hasErrorCode } from '../../apollo/utils/graphql-errors.js';
import { isEventId } from '../../events/utils/event-id.js';
import { formatShanghai } from '../../events/utils/shanghai-time.js';
import { NotFoundPage } from '../../layout/components/NotFoundPage.js';
import { PageHeader } from '../../layout/components/PageHeader.js';
import { useBoothNotifications } from '../hooks/use-booth-notifications.js';
import { useBookingMutations, useFairBoothMap, useMyBookings, useMyWaitlist } from '../hooks/use-booths.js';
import { useFairLive } from '../hooks/use-fair-live.js';
import type { MapBooth, MapStatus } from '../utils/booth-map.js';
import { toMapBooths, withLiveChanges } from '../utils/fair-map.js';
import { BookingStatusTag } from './BookingStatusTag.js';
import { BoothMap } from './BoothMap.js';
import { HoldPanel } from './HoldPanel.js';
import { OfferCard } from './OfferCard.js';

const ACTIVE = new Set(['HELD', 'OFFERED', 'PENDING_APPROVAL', 'CONFIRMED']);
const EMPLOYER_LEGEND: MapStatus[] = ['FREE', 'MINE', 'HELD', 'PENDING', 'BOOKED', 'RESERVED', 'CLOSED'];

/**
 * The employer's booking page of one fair: the live floor map (other employers' picks change the
 * colours as they happen), pick a free booth → it is held with a countdown → confirm. A full fair
 * offers its waitlist; a campus trip takes applications for delegation places instead.
 */
export function FairBookingPage() {
  const { eventId: rawId } = useParams();
  const eventId = isEventId(rawId) ? rawId : undefined;
  const { t } = useTranslation(['core', 'booths']);
  const { message } = App.useApp();
  const { show, describe } = useApiError();
  const { map, loading, error, refetch } = useFairBoothMap(eventId);
  const mine = useMyBookings(eventId);
  const waitlist = useMyWaitlist();
  const m = useBookingMutations();
  const [live, setLive] = useState<Map<string, string>>(new Map());
  const [busy, setBusy] = useState(false);
  const reloadTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const reload = () => {
    setLive(new Map());
    void refetch();
    void mine.refetch();
    void waitlist.refetch();
  };
  useFairLive(eventId, {
    onChange: (c) => {
      setLive((prev) => new Map(prev).set(c.boothId, c.status));
      clearTimeout(reloadTimer.current);
      reloadTimer.current = setTimeout(reload, 800);
    },
    onResync: reload,
  });

  // An approval, a move or an offer arrives as a notification: the side panel follows.
  useBoothNotifications(() => {
    void mine.refetch();
    void waitlist.refetch();
  });

  const mapBooths = useMemo(
    () => (map ? withLiveChanges(toMapBooths(map.booths, (c) => t(`booths:category.${c}`)), map.booths, live) : []),
    [map, live, t],
  );

  if (!eventId) return <NotFoundPage />;
  if (loading) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (!map) return hasErrorCode(error, 'NOT_FOUND') ? <NotFoundPage /> : <Result status="warning" title={describe(error)} />;

  const settings = map.settings;
  const campus = map.settings.places != null;
  const active = mine.bookings.filter((b) => ACTIVE.has(b.status));
  const held = active.find((b) => b.status === 'HELD' && b.holdExpiresAt);
  const booked = active.filter((b) => b.status !== 'HELD');
  const limitReached = active.length >= settings.maxBoothsPerEmployer;
  const entry = waitlist.entries.find((w) => w.eventId === eventId && (w.status === 'WAITING' || w.status === 'OFFERED'));

  const act = async (work: () => Promise<unknown>, done?: string) => {
    setBusy(true);
    try {
      await work();
      if (done) void message.success(done);
    } catch (e) {
      show(e);
    } finally {
      setBusy(false);
      reload();
    }
  };

  const onPick = (b: MapBooth) => {
    if (busy) return;
    if (limitReached) {
      void message.info(t('booths:book.limitReached', { count: settings.maxBoothsPerEmployer }));
      return;
    }
    void act(() => m.hold({ variables: { eventId, boothId: b.id } }));
  };

  return (
    <>
      <PageHeader
        title={map.eventTitle}
        subtitle={t(campus ? 'booths:book.delegationSubtitle' : 'booths:book.subtitle')}
        extra={
          <Link to="/employer/booths/fairs">
            <Button icon={<ArrowLeftOutlined />}>{t('booths:fairs.title')}</Button>
          </Link>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={campus ? 24 : 17}>
          {!settings.isOpen && <Alert type="info" showIcon title={t('booths:book.notOpen', { from: formatShanghai(settings.opensAt), to: formatShanghai(settings.closesAt) })} style={{ marginBottom: 16 }} />}
          {campus ? (
            <Card variant="borderless" data-testid="delegation-card">
              <Flex vertical gap={12} align="flex-start">
                <Typography.Text>{t('booths:section.freePlaces', { count: map.freeCount })}</Typography.Text>
                {booked.length === 0 && map.freeCount > 0 && (
                  <Button type="primary" size="large" icon={<TeamOutlined />} disabled={!settings.isOpen} loading={m.applying} onClick={() => void act(() => m.apply({ variables: { eventId } }), t('booths:book.applied'))} data-testid="apply-delegation">
                    {t('booths:book.apply')}
                  </Button>
                )}
              </Flex>
            </Card>
          ) : (
            <Card variant="borderless" styles={{ body: { padding: 12 } }}>
              <BoothMap booths={mapBooths} plan={map.layoutWidth && map.layoutHeight ? { width: map.layoutWidth, height: map.layoutHeight } : null} onPick={settings.isOpen && !held ? onPick : undefined} legend={EMPLOYER_LEGEND} />
              <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
                {held ? t('booths:book.finishHold') : limitReached ? t('booths:book.limitReached', { count: settings.maxBoothsPerEmployer }) : t('booths:book.hint')}
              </Typography.Text>
            </Card>
          )}
        </Col>
        <Col xs={24} lg={campus ? 24 : 7}>
          <Flex vertical gap={16}>
            {held && (
              <HoldPanel
                booking={held}
                requiresApproval={settings.requiresApproval}
                confirming={m.confirming}
                releasing={m.cancellingMine}
                onConfirm={() => void act(() => m.confirm({ variables: { id: held.id } }), t(settings.requiresApproval ? 'booths:book.pending' : 'booths:book.confirmed'))}
                onRelease={(expired) => (expired ? reload() : void act(() => m.cancelMine({ variables: { id: held.id } })))}
              />
            )}
            {booked.length > 0 && (
              <Card variant="borderless" size="small" title={t('booths:book.yours')} data-testid="my-fair-bookings">
                <Flex vertical gap={8}>
                  {booked.map((b) => (
                    <Flex key={b.id} justify="space-between" align="center" gap={8}>
                      <Typography.Text strong>{b.boothCode ?? t('booths:section.place')}</Typography.Text>
                      <BookingStatusTag status={b.status} />
                    </Flex>
                  ))}
                  <Link to="/employer/booths/mine">{t('booths:book.manage')}</Link>
                </Flex>
              </Card>
            )}
            {entry?.status === 'OFFERED' && (
              <OfferCard
                entry={entry}
                busy={busy}
                onAccept={() => void act(() => m.acceptOffer({ variables: { id: entry.id } }), t('booths:offer.accepted'))}
                onDecline={() => void act(() => m.declineOffer({ variables: { id: entry.id } }), t('booths:offer.declined'))}
              />
            )}
            {entry?.status === 'WAITING' && (
              <Alert type="info" showIcon title={t('booths:waitlist.onIt', { position: entry.position ?? '—' })} data-testid="on-waitlist" />
            )}
            {!entry && map.freeCount === 0 && active.length === 0 && (
              <Card variant="borderless" size="small" title={t('booths:waitlist.fullTitle')}>
                <Typography.Paragraph type="secondary">{t('booths:waitlist.fullBody', { hours: settings.waitlistOfferHours })}</Typography.Paragraph>
                <Button type="primary" loading={m.joining} disabled={!settings.isOpen} onClick={() => void act(() => m.joinWaitlist({ variables: { eventId } }), t('booths:waitlist.joined'))} data-testid="join-waitlist">
                  {t('booths:waitlist.join')}
                </Button>
              </Card>
            )}
            <Card variant="borderless" size="small" title={t('booths:book.rules')}>
              <dl className="booth-rules">
                <div>
                  <dt>{t('booths:settings.window')}</dt>
                  <dd>{formatShanghai(settings.opensAt)} – {formatShanghai(settings.closesAt)}</dd>
                </div>
                <div>
                  <dt>{t(campus ? 'booths:settings.maxPlaces' : 'booths:settings.maxBooths')}</dt>
                  <dd>{settings.maxBoothsPerEmployer}</dd>
                </div>
                <div>
                  <dt>{t('booths:settings.requiresApproval')}</dt>
                  <dd>{t(settings.requiresApproval ? 'booths:common.yes' : 'booths:common.no')}</dd>
                </div>
                <div>
                  <dt>{t('booths:settings.requiresApprovedPosting')}</dt>
                  <dd>{t(settings.requiresApprovedPosting ? 'booths:common.yes' : 'booths:common.no')}</dd>
                </div>
                <div>
                  <dt>{t('booths:settings.cancellationDeadline')}</dt>
                  <dd>{settings.cancellationDeadline ? formatShanghai(settings.cancellationDeadline) : t('booths:book.noDeadline')}</dd>
                </div>
                <div>
                  <dt>{t('booths:settings.holdMinutes')}</dt>
                  <dd>{settings.holdMinutes}</dd>
                </div>
              </dl>
            </Card>
          </Flex>
        </Col>
      </Row>
    </>
  );
}
