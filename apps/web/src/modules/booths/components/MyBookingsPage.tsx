import { App, Button, Card, Flex, Popconfirm, Table, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BoothBookingFieldsFragment } from '../../../generated/graphql.js';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { formatShanghai } from '../../events/utils/shanghai-time.js';
import { PageHeader } from '../../layout/components/PageHeader.js';
import { useBoothNotifications } from '../hooks/use-booth-notifications.js';
import { useBookingMutations, useBoothFairs, useMyBookings, useMyWaitlist } from '../hooks/use-booths.js';
import { BookingStatusTag } from './BookingStatusTag.js';
import { OfferCard } from './OfferCard.js';

const CANCELLABLE = new Set(['HELD', 'PENDING_APPROVAL', 'CONFIRMED']);

/** 我的展位: the employer's bookings and delegation places (cancel before the deadline), its waitlists and offers. */
export function MyBookingsPage() {
  const { t } = useTranslation(['core', 'booths']);
  const { message } = App.useApp();
  const { show } = useApiError();
  const { bookings, loading, refetch } = useMyBookings();
  const waitlist = useMyWaitlist();
  const { fairs } = useBoothFairs(false);
  const m = useBookingMutations();
  const [busy, setBusy] = useState<string | null>(null);
  useBoothNotifications(() => {
    void refetch();
    void waitlist.refetch();
  });
  const deadlines = new Map(fairs.map((f) => [f.eventId, f.settings.cancellationDeadline]));

  const act = async (id: string, work: () => Promise<unknown>, done: string) => {
    setBusy(id);
    try {
      await work();
      void message.success(done);
    } catch (e) {
      show(e);
    } finally {
      setBusy(null);
      void refetch();
      void waitlist.refetch();
    }
  };

  const offers = waitlist.entries.filter((w) => w.status === 'OFFERED');
  const waiting = waitlist.entries.filter((w) => w.status !== 'OFFERED');

  return (
    <>
      <PageHeader title={t('booths:mine.title')} subtitle={t('booths:mine.subtitle')} extra={<Link to="/employer/booths/fairs">{t('booths:fairs.title')}</Link>} />
      {offers.length > 0 && (
        <Flex vertical gap={12} style={{ marginBottom: 16 }}>
          {offers.map((o) => (
            <OfferCard
              key={o.id}
              entry={o}
              busy={busy === o.id}
              onAccept={() => void act(o.id, () => m.acceptOffer({ variables: { id: o.id } }), t('booths:offer.accepted'))}
              onDecline={() => void act(o.id, () => m.declineOffer({ variables: { id: o.id } }), t('booths:offer.declined'))}
            />
          ))}
        </Flex>
      )}
      <Card variant="borderless" title={t('booths:mine.bookings')} style={{ marginBottom: 16 }}>
        <Table
          rowKey="id"
          loading={loading}
          dataSource={bookings}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('booths:mine.none') }}
          columns={[
            {
              title: t('booths:mine.fair'),
              dataIndex: 'eventTitle',
              render: (title: string, b: BoothBookingFieldsFragment) => <Link to={`/employer/booths/fairs/${b.eventId}`}>{title}</Link>,
            },
            { title: t('booths:mine.date'), dataIndex: 'eventStartsAt', render: (v: string) => formatShanghai(v) },
            { title: t('booths:fields.code'), dataIndex: 'boothCode', render: (v: string | null) => v ?? t('booths:section.place') },
            { title: t('booths:bookings.status'), dataIndex: 'status', render: (s: string) => <BookingStatusTag status={s} /> },
            { title: t('booths:bookings.reason'), dataIndex: 'reason', render: (v: string | null) => v ?? '' },
            {
              title: '',
              key: 'actions',
              render: (_: unknown, b: BoothBookingFieldsFragment) => {
                if (!CANCELLABLE.has(b.status)) return null;
                const deadline = deadlines.get(b.eventId);
                const late = !!deadline && new Date(deadline).getTime() <= Date.now();
                const button = (
                  <Button size="small" danger disabled={late} loading={busy === b.id} data-testid={`cancel-booking-${b.boothCode ?? b.id}`}>
                    {t('booths:mine.cancel')}
                  </Button>
                );
                if (late) return <Tooltip title={t('booths:mine.tooLate', { time: formatShanghai(deadline) })}>{button}</Tooltip>;
                return (
                  <Popconfirm
                    title={t('booths:mine.cancelConfirm')}
                    description={deadline ? t('booths:mine.deadline', { time: formatShanghai(deadline) }) : undefined}
                    okText={t('booths:mine.cancel')}
                    okButtonProps={{ danger: true }}
                    cancelText={t('core:common.back')}
                    onConfirm={() => act(b.id, () => m.cancelMine({ variables: { id: b.id } }), t('booths:mine.cancelled'))}
                  >
                    {button}
                  </Popconfirm>
                );
              },
            },
          ]}
        />
      </Card>
      <Card variant="borderless" title={t('booths:mine.waitlists')}>
        <Table
          rowKey="id"
          loading={waitlist.loading}
          dataSource={waiting}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('booths:mine.noWaitlists') }}
          columns={[
            { title: t('booths:mine.fair'), dataIndex: 'eventTitle' },
            { title: t('booths:bookings.status'), dataIndex: 'status', render: (s: string) => <BookingStatusTag status={s} kind="waitlist" /> },
            { title: t('booths:waitlist.position'), dataIndex: 'position', render: (v: number | null) => v ?? '—' },
            { title: t('booths:waitlist.joinedAt'), dataIndex: 'joinedAt', render: (v: string) => formatShanghai(v) },
            {
              title: '',
              key: 'actions',
              render: (_: unknown, w) =>
                w.status === 'WAITING' ? (
                  <Button size="small" loading={busy === w.id} onClick={() => void act(w.id, () => m.leaveWaitlist({ variables: { id: w.id } }), t('booths:waitlist.left'))}>
                    {t('booths:waitlist.leave')}
                  </Button>
                ) : null,
            },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('booths:mine.waitlistNote')}
        </Typography.Paragraph>
      </Card>
    </>
  );
}
