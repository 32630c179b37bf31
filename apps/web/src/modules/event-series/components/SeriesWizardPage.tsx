import { ArrowLeftOutlined, ArrowRightOutlined, CheckOutlined } from '@ant-design/icons';
import type { EventType } from '@leye/domain';
import { Alert, App, Button, Card, Checkbox, Descriptions, Flex, Form, InputNumber, Steps, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CreateEventSeriesInput } from '../../../generated/graphql.js';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { graphQLFieldErrors, hasErrorCode } from '../../apollo/utils/graphql-errors.js';
import { useCurrentUser } from '../../auth/hooks/use-auth.js';
import { EventWhatFields } from '../../events/components/EventWhatFields.js';
import { EventTypeTag } from '../../events/components/EventTypeTag.js';
import { usePortalBase } from '../../events/hooks/use-portal-base.js';
import { eventInput, EVENT_FIELD_RENAME, type EventFormValues } from '../../events/utils/event-form.js';
import { shanghaiToday } from '../../events/utils/shanghai-time.js';
import { useLanguage } from '../../i18n/hooks/use-language.js';
import { PageHeader } from '../../layout/components/PageHeader.js';
import { regionLabel } from '../../regions/utils/region-label.js';
import { regionScope } from '../../regions/utils/region-scope.js';
import { useCreateEventSeries, useSeriesPreview } from '../hooks/use-event-series.js';
import { describeCustomRule } from '../utils/custom-rule.js';
import { venueClashes } from '../utils/preview-groups.js';
import { cadencePeriod, seriesPattern, type SeriesWhenValues } from '../utils/series-pattern.js';
import { SeriesPreviewPanel } from './SeriesPreviewPanel.js';
import { SeriesWhenStep } from './SeriesWhenStep.js';

type WizardValues = Omit<EventFormValues, 'time' | 'startTime' | 'durationMinutes' | 'registration'> &
  SeriesWhenValues & { registrationOpensDays?: number; publish?: boolean };

const WHAT_FIELDS = [
  'title', 'description', 'type', 'subtype', 'industry', 'university', 'universityCity', 'delegationEmployerIds',
  'regionCode', 'isOnline', 'venueId', 'onlineUrl', 'capacity', 'coHostIds', 'registrationOpensDays',
];
const WHEN_FIELDS = [
  'kind', 'year', 'cadenceWeekdays', 'peakRanges', 'frequency', 'interval', 'weekdays', 'positions',
  'startDate', 'untilDate', 'startTime', 'durationMinutes', 'holidayPolicy',
];
/** API field names of the pattern → wizard fields. */
const PATTERN_RENAME: Record<string, string> = {
  ...EVENT_FIELD_RENAME,
  rrule: 'weekdays',
  cadence: 'cadenceWeekdays',
  'pattern.rrule': 'weekdays',
  'pattern.startDate': 'startDate',
  'pattern.untilDate': 'untilDate',
  'pattern.startTime': 'startTime',
  'pattern.durationMinutes': 'durationMinutes',
};

/**
 * 批量排期: plan a whole programme in four steps — what, when, preview (from the API, with holidays
 * and venue clashes), confirm. Nothing is saved before the last step.
 */
export function SeriesWizardPage() {
  const { t } = useTranslation(['core', 'events', 'series']);
  const { domainKey, language } = useLanguage();
  const { message } = App.useApp();
  const { describe, wording } = useApiError();
  const navigate = useNavigate();
  const base = usePortalBase();
  const user = useCurrentUser();
  const scope = regionScope(user.region);
  const [form] = Form.useForm<WizardValues>();
  const [step, setStep] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const { create, creating } = useCreateEventSeries();

  const [initial] = useState<Partial<WizardValues>>(() => {
    const today = shanghaiToday();
    const year = Number(today.slice(0, 4));
    const period = cadencePeriod(year, today);
    return {
      type: 'JOB_FAIR' as EventType,
      subtype: 'GENERAL',
      regionCode: scope?.[0] ?? user.region?.code,
      isOnline: false,
      capacity: 500,
      coHostIds: [],
      registrationOpensDays: 14,
      kind: 'SEASONAL_CADENCE',
      year,
      cadenceWeekdays: [],
      peakRanges: [],
      frequency: 'WEEKLY',
      interval: 1,
      weekdays: [],
      positions: [2, 4],
      startDate: dayjs(period.start),
      untilDate: dayjs(period.end),
      startTime: dayjs(`${today}T09:00`),
      durationMinutes: 180,
      holidayPolicy: 'NEXT_WORKING_DAY',
      publish: false,
    };
  });

  const values = (Form.useWatch((v: WizardValues) => v, form) ?? initial) as WizardValues;
  const pattern = seriesPattern(values);
  const venueId = values.isOnline ? null : (values.venueId ?? null);
  const preview = useSeriesPreview(pattern, values.regionCode ?? null, venueId);

  const go = (target: number) => {
    setStep(target);
    // Each step starts at its top; the buttons that got us here sit at the bottom of a long form.
    window.scrollTo({ top: 0 });
  };

  const next = async () => {
    try {
      await form.validateFields(step === 0 ? WHAT_FIELDS : WHEN_FIELDS, { recursive: true });
      go(step + 1);
    } catch {
      // antd shows the messages under the fields.
    }
  };

  const onCreate = async () => {
    setError(null);
    const all = form.getFieldsValue(true) as WizardValues;
    const p = seriesPattern(all);
    if (!p) return go(1);
    // The template fields are the ones a single event has; only its time comes from the pattern.
    const template = eventInput({ ...all, time: [dayjs(), dayjs()] } as EventFormValues);
    const input: CreateEventSeriesInput = {
      title: template.title,
      description: template.description,
      type: template.type,
      subtype: template.subtype,
      details: template.details,
      regionCode: template.regionCode,
      venueId: template.venueId,
      isOnline: template.isOnline,
      onlineUrl: template.onlineUrl,
      capacity: template.capacity,
      coHostIds: template.coHostIds,
      registrationOpensDays: all.registrationOpensDays ?? 14,
      pattern: p,
      publish: !!all.publish,
    };
    try {
      const series = await create(input);
      void message.success(t('series:confirm.created', { count: series.occurrenceCount, title: series.title }));
      navigate(`${base}/calendar?date=${series.startDate}`);
    } catch (e) {
      const fields = Object.entries(graphQLFieldErrors(e, wording)).map(([field, text]) => ({
        name: PATTERN_RENAME[field] ?? field.replace(/^pattern\./, ''),
        errors: [text],
      }));
      const known = fields.filter((f) => WHAT_FIELDS.includes(f.name) || WHEN_FIELDS.includes(f.name));
      if (known.length > 0) {
        form.setFields(known as Parameters<typeof form.setFields>[0]);
        go(WHAT_FIELDS.includes(known[0]!.name) ? 0 : 1);
      } else {
        setError(describe(e));
      }
      if (hasErrorCode(e, 'CONFLICT')) setError(describe(e));
    }
  };

  // The API creates a series all or nothing, so a single venue clash would make the create fail.
  const clashes = preview.preview ? venueClashes(preview.preview.occurrences).length : 0;

  const patternText =
    values.kind === 'SEASONAL_CADENCE'
      ? t('series:when.cadenceSummary', { weekdays: (values.cadenceWeekdays ?? []).map((d) => t(`series:weekdays.${d}`)).join('、') })
      : (describeCustomRule(
          { frequency: values.frequency ?? 'WEEKLY', interval: values.interval ?? 1, weekdays: values.weekdays ?? [], positions: values.positions ?? [] },
          domainKey,
        ) ?? t('common.empty'));

  const steps = [
    { key: 'what', title: t('series:steps.what') },
    { key: 'when', title: t('series:steps.when') },
    { key: 'preview', title: t('series:steps.preview') },
    { key: 'confirm', title: t('series:steps.confirm') },
  ];

  return (
    <>
      <PageHeader title={t('series:title')} subtitle={t('series:subtitle')} />
      <Card variant="borderless" className="series-wizard">
        <Steps current={step} items={steps} onChange={(s) => s < step && go(s)} responsive size="small" className="series-steps" data-testid="series-steps" />
        <Form<WizardValues> form={form} layout="vertical" initialValues={initial} name="series" className="series-form">
          {/* Every step stays mounted (hidden when inactive) so values, watchers and the live preview persist. */}
          <div hidden={step !== 0} data-testid="series-step-what">
            <EventWhatFields form={form} regionCodes={scope} />
            <Form.Item name="registrationOpensDays" label={t('series:what.registrationOpensDays')} extra={t('series:what.registrationOpensDaysHelp')}>
              <InputNumber min={0} max={365} suffix={t('series:what.days')} style={{ width: 180 }} />
            </Form.Item>
          </div>
          <div hidden={step !== 1} data-testid="series-step-when">
            <SeriesWhenStep form={form} />
            <Typography.Title level={5}>{t('series:preview.live')}</Typography.Title>
            <SeriesPreviewPanel {...preview} compact />
          </div>
          <div hidden={step !== 2} data-testid="series-step-preview">
            <Typography.Paragraph type="secondary">{t('series:preview.intro', { rule: patternText })}</Typography.Paragraph>
            <SeriesPreviewPanel {...preview} />
          </div>
          <div hidden={step !== 3} data-testid="series-step-confirm">
            {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="series-error" />}
            {clashes > 0 && (
              <Alert type="error" showIcon title={t('series:confirm.clashesBlock', { count: clashes })} style={{ marginBottom: 16 }} />
            )}
            <Descriptions
              bordered
              column={1}
              size="middle"
              items={[
                { key: 'title', label: t('events:fields.title'), children: values.title },
                { key: 'type', label: t('events:fields.type'), children: values.type && <EventTypeTag type={values.type} subtype={values.subtype} /> },
                { key: 'region', label: t('events:fields.region'), children: regionLabel(values.regionCode, language) },
                { key: 'rule', label: t('series:confirm.rule'), children: patternText },
                {
                  key: 'period',
                  label: t('series:confirm.period'),
                  children: `${values.startDate?.format('YYYY-MM-DD') ?? ''} – ${values.untilDate?.format('YYYY-MM-DD') ?? t('series:confirm.openEnded')}`,
                },
                {
                  key: 'time',
                  label: t('events:fields.time'),
                  children: t('series:confirm.timeText', { time: values.startTime?.format('HH:mm') ?? '', minutes: values.durationMinutes ?? 0 }),
                },
                { key: 'policy', label: t('series:when.holidayPolicy'), children: values.holidayPolicy && t(`series:holidayPolicy.${values.holidayPolicy}`) },
                {
                  key: 'count',
                  label: t('series:preview.count'),
                  children: preview.preview ? (
                    <Typography.Text strong data-testid="confirm-count">
                      {t('series:confirm.countText', { count: preview.preview.count })}
                    </Typography.Text>
                  ) : (
                    t('common.loading')
                  ),
                },
              ]}
            />
            <Form.Item name="publish" valuePropName="checked" style={{ marginTop: 16 }} extra={t('series:confirm.publishHelp')}>
              <Checkbox data-testid="series-publish">{t('series:confirm.publishNow')}</Checkbox>
            </Form.Item>
          </div>
        </Form>
        <Flex justify="space-between" gap={8} className="form-actions">
          <Button icon={<ArrowLeftOutlined />} onClick={() => (step === 0 ? navigate(`${base}/calendar`) : go(step - 1))}>
            {step === 0 ? t('common.cancel') : t('series:prev')}
          </Button>
          {step < 3 ? (
            <Button type="primary" onClick={() => void next()} data-testid="series-next" icon={<ArrowRightOutlined />} iconPlacement="end">
              {t('series:next')}
            </Button>
          ) : (
            <Button
              type="primary"
              icon={<CheckOutlined />}
              loading={creating}
              disabled={!pattern || preview.loading || !preview.preview || preview.preview.count === 0 || clashes > 0}
              onClick={() => void onCreate()}
              data-testid="series-create"
            >
              {t('series:confirm.create', { count: preview.preview?.count ?? 0 })}
            </Button>
          )}
        </Flex>
      </Card>
    </>
  );
}
