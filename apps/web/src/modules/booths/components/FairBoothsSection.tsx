import { CheckOutlined, CloseOutlined, DownloadOutlined, ShopOutlined } from '@ant-design/icons';
import { useApolloClient } from '@apollo/client/react';
import { Alert, App, Button, Card, Descriptions, Drawer, Flex, Progress, Select, Skeleton, Space, Table, Tabs, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FairExhibitorsExportDocument, type BoothBookingFieldsFragment, type PriorityCategory } from '../../../generated/graphql.js';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { hasErrorCode } from '../../apollo/utils/graphql-errors.js';
import { formatShanghai } from '../../events/utils/shanghai-time.js';
import { useBookingMutations, useFairBookings, useFairBoothMap, useFairWaitlist } from '../hooks/use-booths.js';
import { useFairLive } from '../hooks/use-fair-live.js';
import type { MapBooth } from '../utils/booth-map.js';
import { downloadBase64 } from '../utils/export-file.js';
import { PRIORITY_CATEGORIES, toMapBooths, withLiveChanges } from '../utils/fair-map.js';
import { BookingStatusTag } from './BookingStatusTag.js';
import { BoothMap } from './BoothMap.js';
import { BoothSettingsForm } from './BoothSettingsForm.js';
import { ReasonModal } from './ReasonModal.js';

const ACTIVE = new Set(['HELD', 'OFFERED', 'PENDING_APPROVAL', 'CONFIRMED']);

interface FairEvent {
  id: string;
  type: string;
  status: string;
  venue?: { id: string } | null;
}

/**
 * 展位 on the organizer's event page (job fairs and campus recruiting trips): booking settings, the
 * live booking map with per-booth actions, approvals, all bookings, the waitlist, and the exhibitor
 * list as Excel.
 */
export function FairBoothsSection({ event }: { event: FairEvent }) {
  const { t } = useTranslation(['core', 'booths']);
  const { message } = App.useApp();
  const { show, describe } = useApiError();
  const client = useApolloClient();
  const kind = event.type === 'CAMPUS_RECRUITING' ? 'places' : 'booths';
  const { map, loading, error, refetch } = useFairBoothMap(event.id);
  const setUp = !!map;
  const bookings = useFairBookings(event.id, !setUp);
  const waitlist = useFairWaitlist(event.id, !setUp);
  const m = useBookingMutations();
  const [live, setLive] = useState<Map<string, string>>(new Map());
  const [picked, setPicked] = useState<MapBooth | null>(null);
  const [reasonFor, setReasonFor] = useState<{ booking: BoothBookingFieldsFragment; action: 'cancel' | 'reject' } | null>(null);
  const [moveTo, setMoveTo] = useState<string | undefined>();
  const [reserveCategory, setReserveCategory] = useState<PriorityCategory>('SPECIALIZED_NEW');
  const [exporting, setExporting] = useState<'idle' | 'working' | 'done'>('idle');
  const reloadTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const reloadAll = () => {
    setLive(new Map());
    void refetch();
    if (setUp) {
      void bookings.refetch();
      void waitlist.refetch();
    }
  };
  useFairLive(setUp ? event.id : undefined, {
    onChange: (c) => {
      setLive((prev) => new Map(prev).set(c.boothId, c.status));
      clearTimeout(reloadTimer.current);
      reloadTimer.current = setTimeout(reloadAll, 600);
    },
    onResync: reloadAll,
  });

  const categoryLabel = (c: string) => t(`booths:category.${c}`);
  const mapBooths = useMemo(
    () => (map ? withLiveChanges(toMapBooths(map.booths, categoryLabel), map.booths, live) : []),
    [map, live, t],
  );
  const activeByBooth = useMemo(() => {
    const out = new Map<string, BoothBookingFieldsFragment>();
    for (const b of bookings.bookings) if (b.boothId && ACTIVE.has(b.status)) out.set(b.boothId, b);
    return out;
  }, [bookings.bookings]);

  if (loading) return <Skeleton active />;
  const notSetUp = !map && (!error || hasErrorCode(error, 'NOT_FOUND'));
  if (!map && !notSetUp) return <Alert type="warning" showIcon title={describe(error)} />;

  const run = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      void message.success(done);
      reloadAll();
      return true;
    } catch (e) {
      show(e);
      reloadAll();
      return false;
    }
  };

  const exportExcel = async () => {
    setExporting('working');
    try {
      const { data } = await client.query({ query: FairExhibitorsExportDocument, variables: { eventId: event.id }, fetchPolicy: 'network-only' });
      if (data) downloadBase64(data.fairExhibitorsExport);
      setExporting('done');
      setTimeout(() => setExporting('idle'), 2500);
    } catch (e) {
      setExporting('idle');
      show(e);
    }
  };

  const settingsForm = (
    <BoothSettingsForm
      eventId={event.id}
      kind={kind}
      venueId={event.venue?.id ?? null}
      settings={map?.settings ?? null}
      onSaved={() => {
        void message.success(t('booths:settings.saved'));
        reloadAll();
      }}
    />
  );

  if (notSetUp || !map) {
    return (
      <Card variant="borderless" title={<><ShopOutlined /> {t(kind === 'booths' ? 'booths:section.title' : 'booths:section.delegationTitle')}</>} data-testid="fair-booths">
        <Typography.Paragraph type="secondary">{t('booths:section.notSetUp')}</Typography.Paragraph>
        {settingsForm}
      </Card>
    );
  }

  const pickedBooking = picked ? activeByBooth.get(picked.id) : undefined;
  const pickedState = picked ? map.booths.find((b) => b.boothId === picked.id) : undefined;
  const pending = bookings.bookings.filter((b) => b.status === 'PENDING_APPROVAL');

  const bookingColumns = [
    { title: t('booths:fields.code'), dataIndex: 'boothCode', render: (v: string | null) => v ?? t('booths:section.place') },
    { title: t('booths:bookings.employer'), dataIndex: 'employerName' },
    { title: t('booths:bookings.phone'), dataIndex: 'contactPhone', render: (v: string | null) => v ?? '—' },
    { title: t('booths:bookings.status'), dataIndex: 'status', render: (s: string) => <BookingStatusTag status={s} /> },
    { title: t('booths:bookings.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatShanghai(v) },
    { title: t('booths:bookings.reason'), dataIndex: 'reason', render: (v: string | null) => v ?? '' },
    {
      title: '',
      key: 'actions',
      render: (_: unknown, b: BoothBookingFieldsFragment) => (
        <Space wrap size={4}>
          {b.status === 'PENDING_APPROVAL' && (
            <>
              <Button size="small" type="primary" icon={<CheckOutlined />} onClick={() => void run(() => m.approve({ variables: { id: b.id } }), t('booths:actions.approved'))} data-testid={`approve-${b.id}`}>
                {t('booths:actions.approve')}
              </Button>
              <Button size="small" danger icon={<CloseOutlined />} onClick={() => setReasonFor({ booking: b, action: 'reject' })}>
                {t('booths:actions.reject')}
              </Button>
            </>
          )}
          {ACTIVE.has(b.status) && b.status !== 'PENDING_APPROVAL' && (
            <Button size="small" danger onClick={() => setReasonFor({ booking: b, action: 'cancel' })}>
              {t('booths:actions.cancelBooking')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  const tabs = [
    ...(kind === 'booths'
      ? [
          {
            key: 'map',
            label: t('booths:section.map'),
            children: (
              <BoothMap booths={mapBooths} plan={map.layoutWidth && map.layoutHeight ? { width: map.layoutWidth, height: map.layoutHeight } : null} onPick={setPicked} canPick={() => true} selectedId={picked?.id} />
            ),
          },
        ]
      : []),
    {
      key: 'approvals',
      label: t('booths:section.approvals', { count: pending.length }),
      children: <Table rowKey="id" size="small" dataSource={pending} columns={bookingColumns} pagination={false} scroll={{ x: 'max-content' }} locale={{ emptyText: t('booths:section.noApprovals') }} />,
    },
    {
      key: 'bookings',
      label: t('booths:section.bookings'),
      children: (
        <Table rowKey="id" size="small" loading={bookings.loading} dataSource={bookings.bookings} columns={bookingColumns} pagination={{ pageSize: 20, hideOnSinglePage: true }} scroll={{ x: 'max-content' }} />
      ),
    },
    {
      key: 'waitlist',
      label: t('booths:section.waitlist', { count: waitlist.entries.filter((w) => w.status === 'WAITING' || w.status === 'OFFERED').length }),
      children: (
        <Table
          rowKey="id"
          size="small"
          loading={waitlist.loading}
          dataSource={waitlist.entries}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('booths:section.noWaitlist') }}
          columns={[
            { title: t('booths:waitlist.position'), dataIndex: 'position', render: (v: number | null) => v ?? '—' },
            { title: t('booths:bookings.employer'), dataIndex: 'employerName' },
            { title: t('booths:bookings.status'), dataIndex: 'status', render: (s: string) => <BookingStatusTag status={s} kind="waitlist" /> },
            { title: t('booths:waitlist.offer'), key: 'offer', render: (_: unknown, w) => (w.offerExpiresAt ? t('booths:waitlist.offerUntil', { code: w.offeredBoothCode ?? t('booths:section.place'), time: formatShanghai(w.offerExpiresAt) }) : '') },
            { title: t('booths:waitlist.joinedAt'), dataIndex: 'joinedAt', render: (v: string) => formatShanghai(v) },
          ]}
        />
      ),
    },
    { key: 'settings', label: t('booths:section.settings'), children: settingsForm },
  ];

  return (
    <Card
      variant="borderless"
      title={<><ShopOutlined /> {t(kind === 'booths' ? 'booths:section.title' : 'booths:section.delegationTitle')}</>}
      extra={
        <Space>
          {exporting === 'working' && <Progress type="circle" percent={99} status="active" size={20} showInfo={false} />}
          <Button icon={<DownloadOutlined />} loading={exporting === 'working'} onClick={() => void exportExcel()} data-testid="export-exhibitors">
            {exporting === 'working' ? t('booths:section.exporting') : exporting === 'done' ? t('booths:section.exported') : t('booths:section.export')}
          </Button>
        </Space>
      }
      data-testid="fair-booths"
    >
      <Flex gap={16} wrap style={{ marginBottom: 8 }}>
        <Typography.Text>
          {t('booths:section.window', { from: formatShanghai(map.settings.opensAt), to: formatShanghai(map.settings.closesAt) })}
        </Typography.Text>
        <Typography.Text type={map.settings.isOpen ? 'success' : 'secondary'}>{t(map.settings.isOpen ? 'booths:section.open' : 'booths:section.closed')}</Typography.Text>
        <Typography.Text>{t(kind === 'booths' ? 'booths:section.freeBooths' : 'booths:section.freePlaces', { count: map.freeCount })}</Typography.Text>
      </Flex>
      <Tabs items={tabs} />
      <Drawer
        open={!!picked}
        onClose={() => {
          setPicked(null);
          setMoveTo(undefined);
        }}
        title={picked ? t('booths:actions.boothTitle', { code: picked.code }) : ''}
        size={380}
        data-testid="booth-drawer"
      >
        {picked && pickedState && (
          <Flex vertical gap={16}>
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('booths:fields.zone')}>{picked.zone || '—'}</Descriptions.Item>
              <Descriptions.Item label={t('booths:fields.type')}>{t(`booths:type.${picked.type}`)}</Descriptions.Item>
              <Descriptions.Item label={t('booths:actions.state')}>{t(`booths:status.${picked.status}`)}</Descriptions.Item>
              {pickedState.reservedCategory && <Descriptions.Item label={t('booths:actions.reservedFor')}>{categoryLabel(pickedState.reservedCategory)}</Descriptions.Item>}
              {pickedBooking && <Descriptions.Item label={t('booths:bookings.employer')}>{pickedBooking.employerName}</Descriptions.Item>}
              {pickedBooking && <Descriptions.Item label={t('booths:bookings.status')}><BookingStatusTag status={pickedBooking.status} /></Descriptions.Item>}
            </Descriptions>
            {pickedBooking ? (
              <>
                <Space.Compact style={{ width: '100%' }}>
                  <Select
                    style={{ flex: 1 }}
                    placeholder={t('booths:actions.moveTo')}
                    value={moveTo}
                    onChange={setMoveTo}
                    showSearch
                    options={map.booths.filter((b) => b.status === 'FREE' && b.state !== 'CLOSED').map((b) => ({ value: b.boothId, label: b.code }))}
                    data-testid="move-target"
                  />
                  <Button
                    disabled={!moveTo}
                    onClick={() =>
                      moveTo &&
                      void run(() => m.move({ variables: { id: pickedBooking.id, boothId: moveTo } }), t('booths:actions.moved')).then((ok) => ok && setPicked(null))
                    }
                  >
                    {t('booths:actions.move')}
                  </Button>
                </Space.Compact>
                {pickedBooking.status === 'PENDING_APPROVAL' && (
                  <Button type="primary" onClick={() => void run(() => m.approve({ variables: { id: pickedBooking.id } }), t('booths:actions.approved'))}>
                    {t('booths:actions.approve')}
                  </Button>
                )}
                <Button danger onClick={() => setReasonFor({ booking: pickedBooking, action: pickedBooking.status === 'PENDING_APPROVAL' ? 'reject' : 'cancel' })}>
                  {pickedBooking.status === 'PENDING_APPROVAL' ? t('booths:actions.reject') : t('booths:actions.cancelBooking')}
                </Button>
              </>
            ) : pickedState.state === 'OPEN' ? (
              <>
                <Button
                  loading={m.settingState}
                  onClick={() => void run(() => m.setState({ variables: { eventId: event.id, boothIds: [picked.id], state: 'CLOSED' } }), t('booths:actions.closed')).then((ok) => ok && setPicked(null))}
                  data-testid="close-booth"
                >
                  {t('booths:actions.close')}
                </Button>
                <Space.Compact style={{ width: '100%' }}>
                  <Select
                    style={{ flex: 1 }}
                    value={reserveCategory}
                    onChange={setReserveCategory}
                    options={PRIORITY_CATEGORIES.map((c) => ({ value: c, label: categoryLabel(c) }))}
                    aria-label={t('booths:actions.reservedFor')}
                  />
                  <Button
                    loading={m.settingState}
                    onClick={() =>
                      void run(
                        () => m.setState({ variables: { eventId: event.id, boothIds: [picked.id], state: 'RESERVED', reservedCategory: reserveCategory } }),
                        t('booths:actions.reserved'),
                      ).then((ok) => ok && setPicked(null))
                    }
                  >
                    {t('booths:actions.reserve')}
                  </Button>
                </Space.Compact>
              </>
            ) : (
              <Button
                type="primary"
                loading={m.settingState}
                onClick={() => void run(() => m.setState({ variables: { eventId: event.id, boothIds: [picked.id], state: 'OPEN' } }), t('booths:actions.opened')).then((ok) => ok && setPicked(null))}
              >
                {t('booths:actions.open')}
              </Button>
            )}
          </Flex>
        )}
      </Drawer>
      <ReasonModal
        open={!!reasonFor}
        title={reasonFor?.action === 'reject' ? t('booths:actions.rejectTitle', { name: reasonFor.booking.employerName }) : t('booths:actions.cancelTitle', { name: reasonFor?.booking.employerName ?? '' })}
        okText={reasonFor?.action === 'reject' ? t('booths:actions.reject') : t('booths:actions.cancelBooking')}
        onCancel={() => setReasonFor(null)}
        onConfirm={async (reason) => {
          if (!reasonFor) return;
          const { booking, action } = reasonFor;
          const ok = await run(
            () => (action === 'reject' ? m.reject({ variables: { id: booking.id, reason } }) : m.cancel({ variables: { id: booking.id, reason } })),
            action === 'reject' ? t('booths:actions.rejected') : t('booths:actions.cancelled'),
          );
          if (ok) {
            setReasonFor(null);
            setPicked(null);
          }
        }}
      />
    </Card>
  );
}
