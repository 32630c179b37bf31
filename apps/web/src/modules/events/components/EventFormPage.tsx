import { Alert, App, Button, Card, Col, Flex, Form, Result, Row, Skeleton, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { EditScope } from '../../../generated/graphql.js';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { hasErrorCode } from '../../apollo/utils/graphql-errors.js';
import { useCurrentUser } from '../../auth/hooks/use-auth.js';
import { PageHeader } from '../../layout/components/PageHeader.js';
import { regionScope } from '../../regions/utils/region-scope.js';
import { useEvent, useEventMutations } from '../hooks/use-events.js';
import { useConfirmPastStart } from '../hooks/use-confirm-past-start.js';
import { usePortalBase } from '../hooks/use-portal-base.js';
import {
  EVENT_FIELD_RENAME,
  EVENT_FORM_FIELDS,
  eventFormValues,
  eventInput,
  eventUpdateInput,
  newEventDefaults,
  type EventFormValues,
} from '../utils/event-form.js';
import { formatShanghai, shanghaiToday } from '../utils/shanghai-time.js';
import { EventWhatFields } from './EventWhatFields.js';
import { EventWhenFields } from './EventWhenFields.js';

const SCOPES: readonly EditScope[] = ['THIS', 'THIS_AND_FOLLOWING', 'ALL'];

/** `/…/events/new` and `/…/events/:id/edit?scope=`: one event's form. */
export function EventFormPage() {
  const { id } = useParams();
  const { event, loading, error } = useEvent(id);
  const { t } = useTranslation(['core', 'events']);
  const { describe } = useApiError();
  if (!id) return <EventForm />;
  if (loading) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (!event) return <Result status="warning" title={error ? describe(error) : t('errors.NOT_FOUND')} />;
  return <EventForm key={event.id} existing={event} />;
}

function EventForm({ existing }: { existing?: NonNullable<ReturnType<typeof useEvent>['event']> }) {
  const { t } = useTranslation(['core', 'events']);
  const { message } = App.useApp();
  const { describe, showOnForm } = useApiError();
  const navigate = useNavigate();
  const base = usePortalBase();
  const user = useCurrentUser();
  const [searchParams] = useSearchParams();
  const [form] = Form.useForm<EventFormValues>();
  const [error, setError] = useState<string | null>(null);
  const { create, update, creating, updating } = useEventMutations();
  const scope: EditScope = existing?.series && SCOPES.includes(searchParams.get('scope') as EditScope) ? (searchParams.get('scope') as EditScope) : 'THIS';
  const seriesScope = scope !== 'THIS';
  const scopes = regionScope(user.region);
  // The initial values are fixed for the life of the form (edits are diffed against them).
  const [initial] = useState<Partial<EventFormValues>>(() =>
    existing
      ? eventFormValues(existing)
      : { ...newEventDefaults(searchParams.get('date'), shanghaiToday(), formatShanghai(new Date(), 'HH:mm')), regionCode: scopes?.[0] ?? user.region?.code },
  );

  const confirmPastStart = useConfirmPastStart('form', (startsAt) => formatShanghai(startsAt));

  const onFinish = async (values: EventFormValues) => {
    setError(null);
    try {
      if (existing) {
        const input = eventUpdateInput(initial as EventFormValues, values, scope);
        if (Object.keys(input).length === 0) {
          void message.info(t('events:form.nothingChanged'));
          return;
        }
        const saved = await update(existing.id, input, scope);
        void message.success(t('events:form.saved', { count: saved.length }));
        navigate(`${base}/events/${existing.id}`);
      } else {
        const input = eventInput(values);
        // A start in the past is never sent by accident: the organizer confirms it first.
        const allowPastStart = Date.parse(input.startsAt as string) < Date.now();
        if (allowPastStart && !(await confirmPastStart(input.startsAt as string))) return;
        const created = await create(input, !!values.publish, allowPastStart);
        void message.success(values.publish ? t('events:form.createdPublished') : t('events:form.created'));
        navigate(`${base}/events/${created.id}`);
      }
    } catch (e) {
      if (hasErrorCode(e, 'CONFLICT')) {
        // A venue clash: the API names the event holding the venue; show it by the time and the venue.
        const text = describe(e);
        form.setFields([
          { name: seriesScope ? 'startTime' : 'time', errors: [text] },
          ...(values.isOnline ? [] : [{ name: 'venueId' as const, errors: [text] }]),
        ]);
        form.scrollToField(seriesScope ? 'startTime' : 'time');
      } else if (!showOnForm(form, e, EVENT_FORM_FIELDS, EVENT_FIELD_RENAME)) {
        setError(describe(e));
      }
    }
  };

  const title = existing ? t('events:form.editTitle') : t('events:form.createTitle');
  return (
    <>
      <PageHeader title={title} subtitle={existing ? existing.title : t('events:form.createSubtitle')} />
      <Form<EventFormValues>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={onFinish}
        // Clearing the clash message once the organizer picks another time or venue.
        onValuesChange={(changed) => {
          if ('time' in changed || 'venueId' in changed || 'startTime' in changed) {
            form.setFields([
              { name: 'time', errors: [] },
              { name: 'venueId', errors: [] },
              { name: 'startTime', errors: [] },
            ]);
          }
        }}
        name="event"
        scrollToFirstError
        // Enter in a date or time field confirms what was typed there; it must not submit the whole form.
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.target as HTMLElement).closest('.ant-picker')) e.preventDefault();
        }}
      >
        {existing?.series && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t(`events:scope.editing.${scope}`, { series: existing.series.title })}
            data-testid="edit-scope-note"
          />
        )}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="event-form-error" />}
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={14}>
            <Card variant="borderless" title={t('events:form.sectionWhat')}>
              <EventWhatFields form={form} regionCodes={scopes} editing={!!existing} knownDelegation={existing?.details.delegation} />
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Card variant="borderless" title={t('events:form.sectionWhen')}>
              <EventWhenFields seriesScope={seriesScope} />
              {!existing && (
                <Form.Item name="publish" label={t('events:form.publishNow')} valuePropName="checked" extra={t('events:form.publishHelp')}>
                  <Switch data-testid="event-publish" />
                </Form.Item>
              )}
            </Card>
          </Col>
        </Row>
        <Flex justify="flex-end" gap={8} className="form-actions">
          <Button onClick={() => navigate(existing ? `${base}/events/${existing.id}` : `${base}/calendar`)}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={creating || updating} data-testid="event-submit">
            {existing ? t('common.save') : t('events:form.submitCreate')}
          </Button>
        </Flex>
      </Form>
    </>
  );
}
