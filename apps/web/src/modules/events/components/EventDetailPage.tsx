import {
  CalendarOutlined,
  CheckCircleOutlined,
  CloseCircleOutlined,
  EditOutlined,
  ExportOutlined,
  FieldTimeOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Flex, Result, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { EditScope } from '../../../generated/graphql.js';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { hasErrorCode } from '../../apollo/utils/graphql-errors.js';
import { NotFoundPage } from '../../layout/components/NotFoundPage.js';
import { PageHeader } from '../../layout/components/PageHeader.js';
import { useEvent, useEventMutations } from '../hooks/use-events.js';
import { usePortalBase } from '../hooks/use-portal-base.js';
import { isEventId } from '../utils/event-id.js';
import { formatShanghai, shanghaiDate } from '../utils/shanghai-time.js';
import { CancelEventModal } from './CancelEventModal.js';
import { EditScopeModal } from './EditScopeModal.js';
import { EventFacts } from './EventFacts.js';
import { EventStaffCard } from './EventStaffCard.js';
import { EventStatusTag } from './EventStatusTag.js';
import { FairBoothsSection } from '../../booths/components/FairBoothsSection.js';
import { AttendanceLinkCard } from '../../attendance/components/AttendanceLinkCard.js';
import { RescheduleEventModal } from './RescheduleEventModal.js';

type Dialog = 'editScope' | 'publishScope' | 'cancel' | 'reschedule' | null;

/** An event as its organizer sees it, with the Publish / Edit / Reschedule / Cancel actions the viewer may take. */
export function EventDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation(['core', 'events']);
  const { message, modal } = App.useApp();
  const { describe, show } = useApiError();
  const navigate = useNavigate();
  const base = usePortalBase();
  // An address that cannot be an event is simply not found (no request, no bare "bad input").
  const { event, loading, error } = useEvent(isEventId(id) ? id : undefined);
  const { publish, cancel, reschedule, complete, publishing, cancelling, rescheduling, completing } = useEventMutations();
  const [dialog, setDialog] = useState<Dialog>(null);

  if (loading) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (!event) return !error || hasErrorCode(error, 'NOT_FOUND') ? <NotFoundPage /> : <Result status="warning" title={describe(error)} />;

  // The API answers what this viewer may do now (its region, the event's state): show only that.
  const can = event.viewerCan;
  const anyAction = can.publish || can.update || can.reschedule || can.complete || can.cancel;
  const inSeries = !!event.series;
  const calendarLink = `${base}/calendar?date=${shanghaiDate(event.startsAt)}`;

  const doPublish = async (scope: EditScope) => {
    try {
      const published = await publish(event.id, scope);
      setDialog(null);
      void message.success(t('events:detail.published', { count: published.length }));
    } catch (e) {
      show(e);
    }
  };
  const onPublish = () => {
    if (inSeries) return setDialog('publishScope');
    modal.confirm({
      title: t('events:detail.publish'),
      content: t('events:detail.publishConfirm'),
      okText: t('events:detail.publish'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'publish-confirm' },
      onOk: () => doPublish('THIS'),
    });
  };
  const onEdit = () => (inSeries ? setDialog('editScope') : navigate(`${base}/events/${event.id}/edit`));
  const onCancelEvent = async (reason: string) => {
    try {
      await cancel(event.id, reason);
      setDialog(null);
      void message.success(t('events:detail.cancelled'));
    } catch (e) {
      show(e);
    }
  };
  const onComplete = () =>
    modal.confirm({
      title: t('events:detail.complete'),
      content: t('events:detail.completeConfirm'),
      okText: t('events:detail.complete'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await complete(event.id);
          void message.success(t('events:detail.completed'));
        } catch (e) {
          show(e);
        }
      },
    });
  const onReschedule = async (startsAt: string, endsAt: string, allowPastStart: boolean) => {
    await reschedule(event.id, startsAt, endsAt, allowPastStart);
    setDialog(null);
    void message.success(t('events:detail.rescheduled'));
  };

  return (
    <>
      <PageHeader
        title={event.title}
        extra={
          <Space wrap>
            <Link to={calendarLink}>
              <Button icon={<CalendarOutlined />}>{t('events:detail.backToCalendar')}</Button>
            </Link>
            {event.status !== 'DRAFT' && (
              <Link to={`/events/${event.id}`} target="_blank">
                <Button icon={<ExportOutlined />}>{t('events:detail.publicPage')}</Button>
              </Link>
            )}
          </Space>
        }
      />
      <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
        <EventStatusTag status={event.status} large />
        {inSeries && <Tag icon={<FieldTimeOutlined />}>{t('events:detail.seriesOccurrence')}</Tag>}
        {event.isException && <Tag color="orange">{t('events:detail.exception')}</Tag>}
      </Flex>
      {event.status === 'CANCELLED' && (
        <Alert
          type="error"
          showIcon
          title={t('events:detail.cancelledBanner')}
          description={event.cancelReason}
          style={{ marginBottom: 16 }}
          data-testid="cancelled-banner"
        />
      )}
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <Flex gap={8} wrap data-testid="event-actions">
          {can.publish && (
            <Button type="primary" icon={<SendOutlined />} loading={publishing} onClick={onPublish} data-testid="publish-event">
              {t('events:detail.publish')}
            </Button>
          )}
          {can.update && (
            <Button icon={<EditOutlined />} onClick={onEdit} data-testid="edit-event">
              {t('events:detail.edit')}
            </Button>
          )}
          {can.reschedule && (
            <Button icon={<FieldTimeOutlined />} onClick={() => setDialog('reschedule')} data-testid="reschedule-event">
              {t('events:detail.reschedule')}
            </Button>
          )}
          {can.complete && (
            <Button icon={<CheckCircleOutlined />} loading={completing} onClick={onComplete} data-testid="complete-event">
              {t('events:detail.complete')}
            </Button>
          )}
          {can.cancel && (
            <Button danger icon={<CloseCircleOutlined />} onClick={() => setDialog('cancel')} data-testid="cancel-event">
              {t('events:detail.cancel')}
            </Button>
          )}
          {!anyAction && (
            <Typography.Text type="secondary" data-testid="no-actions">
              {t(event.status === 'DRAFT' || event.status === 'PUBLISHED' ? 'events:detail.notYours' : 'events:detail.noActions')}
            </Typography.Text>
          )}
        </Flex>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card variant="borderless" title={t('common.details')}>
            <EventFacts event={event} />
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              {t('events:detail.createdAt', { time: formatShanghai(event.createdAt) })}
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <EventStaffCard event={event} />
          <AttendanceLinkCard eventId={event.id} status={event.status} />
        </Col>
        {(event.type === 'JOB_FAIR' || event.type === 'CAMPUS_RECRUITING') && (
          <Col xs={24}>
            <FairBoothsSection event={event} />
          </Col>
        )}
      </Row>
      {event.series && (
        <>
          <EditScopeModal
            open={dialog === 'editScope'}
            action="edit"
            seriesTitle={event.series.title}
            onCancel={() => setDialog(null)}
            onConfirm={(scope) => navigate(`${base}/events/${event.id}/edit?scope=${scope}`)}
          />
          <EditScopeModal
            open={dialog === 'publishScope'}
            action="publish"
            seriesTitle={event.series.title}
            confirming={publishing}
            onCancel={() => setDialog(null)}
            onConfirm={(scope) => void doPublish(scope)}
          />
        </>
      )}
      <CancelEventModal
        open={dialog === 'cancel'}
        eventTitle={event.title}
        confirming={cancelling}
        onCancel={() => setDialog(null)}
        onConfirm={(reason) => void onCancelEvent(reason)}
      />
      <RescheduleEventModal
        open={dialog === 'reschedule'}
        event={event}
        confirming={rescheduling}
        onCancel={() => setDialog(null)}
        onConfirm={onReschedule}
      />
    </>
  );
}
