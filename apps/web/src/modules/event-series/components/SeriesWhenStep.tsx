import { Alert, Checkbox, Col, DatePicker, Form, InputNumber, Radio, Row, Segmented, Select, Space, Tag, TimePicker, Typography, type FormInstance } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HolidayPolicy } from '../../../generated/graphql.js';
import { usePortalBase } from '../../events/hooks/use-portal-base.js';
import { shanghaiToday } from '../../events/utils/shanghai-time.js';
import { useLanguage } from '../../i18n/hooks/use-language.js';
import { usePeakSeasons } from '../hooks/use-event-series.js';
import { buildRrule, describeCustomRule, MONTH_POSITIONS, RRULE_DAYS, isoWeekday, type CustomRule } from '../utils/custom-rule.js';
import { inputToRanges } from '../utils/peak-ranges.js';
import { cadencePeriod, type SeriesWhenValues } from '../utils/series-pattern.js';
import { PeakRangesEditor } from './PeakRangesEditor.js';

const POLICIES: HolidayPolicy[] = ['SKIP', 'NEXT_WORKING_DAY', 'KEEP'];
const ISO_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

/** The years a cadence can be planned for: last year (to finish it) to two years ahead. */
export function cadenceYears(today: string): number[] {
  const y = Number(today.slice(0, 4));
  return [y - 1, y, y + 1, y + 2];
}

/** Step 2 of the series wizard: the pattern (seasonal cadence or custom rule), time and holiday policy. */
export function SeriesWhenStep({ form }: { form: FormInstance }) {
  const { t } = useTranslation(['core', 'events', 'series']);
  const { domainKey } = useLanguage();
  const base = usePortalBase();
  const today = shanghaiToday();
  const values = Form.useWatch((v: SeriesWhenValues & { regionCode?: string }) => v, form) ?? ({} as SeriesWhenValues & { regionCode?: string });
  const kind = values.kind ?? 'SEASONAL_CADENCE';
  const year = values.year;
  const regionCode = values.regionCode;

  // Peak ranges start from the saved (or default) peak seasons of the region and year.
  const { settings } = usePeakSeasons(kind === 'SEASONAL_CADENCE' ? year : null, regionCode);
  const filledFor = useRef<string | null>(null);
  useEffect(() => {
    if (!settings || settings.year !== year || settings.regionCode !== regionCode) return;
    const key = `${year}:${regionCode}`;
    if (filledFor.current === key) return;
    filledFor.current = key;
    form.setFieldValue('peakRanges', inputToRanges(settings.ranges));
  }, [settings, year, regionCode, form]);

  const rule: CustomRule = {
    frequency: values.frequency ?? 'WEEKLY',
    interval: values.interval ?? 1,
    weekdays: values.weekdays ?? [],
    positions: values.positions ?? [],
  };
  const rrule = buildRrule(rule);
  const ruleText = describeCustomRule(rule, domainKey);
  const outsideYear = (d: dayjs.Dayjs) => kind === 'SEASONAL_CADENCE' && !!year && d.year() !== year;

  return (
    <>
      <Form.Item name="kind" label={t('series:when.kind')}>
        <Segmented
          block
          options={[
            { value: 'SEASONAL_CADENCE', label: t('series:when.kinds.SEASONAL_CADENCE') },
            { value: 'RRULE', label: t('series:when.kinds.RRULE') },
          ]}
          data-testid="series-kind"
        />
      </Form.Item>

      {kind === 'SEASONAL_CADENCE' ? (
        <>
          <Alert type="info" showIcon title={t('series:when.cadenceExplain')} style={{ marginBottom: 16 }} />
          <Form.Item name="year" label={t('series:when.year')} rules={[{ required: true, message: t('series:when.yearRequired') }]}>
            <Select
              options={cadenceYears(today).map((y) => ({ value: y, label: String(y) }))}
              onChange={(y: number) => {
                const { start, end } = cadencePeriod(y, today);
                form.setFieldsValue({ startDate: dayjs(start), untilDate: dayjs(end) });
              }}
              style={{ maxWidth: 200 }}
              data-testid="series-year"
            />
          </Form.Item>
          <Form.Item
            name="cadenceWeekdays"
            label={t('series:when.preferredWeekdays')}
            extra={t('series:when.preferredWeekdaysHelp')}
            rules={[{ required: true, type: 'array', min: 1, message: t('series:when.weekdaysRequired') }]}
          >
            <Checkbox.Group
              options={ISO_WEEKDAYS.map((d) => ({ value: d, label: t(`series:weekdays.${d}`) }))}
              data-testid="series-cadence-weekdays"
            />
          </Form.Item>
          <Form.Item
            label={
              <Space size={8} wrap>
                {t('series:when.peakRanges')}
                {settings && settings.year === year && settings.regionCode === regionCode && (
                  <Tag color={settings.isDefault ? 'default' : 'blue'} data-testid="peak-source">
                    {settings.isDefault ? t('series:peak.isDefault') : t('series:peak.isSaved')}
                  </Tag>
                )}
              </Space>
            }
            extra={
              <span>
                {t('series:when.peakRangesHelp')} <Link to={`${base}/peak-seasons`}>{t('series:peak.manage')}</Link>
              </span>
            }
          >
            <PeakRangesEditor year={year} />
          </Form.Item>
        </>
      ) : (
        <>
          <Row gutter={16}>
            <Col xs={24} sm={12}>
              <Form.Item name="frequency" label={t('series:when.frequency')}>
                <Radio.Group
                  optionType="button"
                  buttonStyle="solid"
                  options={[
                    { value: 'WEEKLY', label: t('series:when.weekly') },
                    { value: 'MONTHLY', label: t('series:when.monthly') },
                  ]}
                  data-testid="series-frequency"
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="interval" label={t('series:when.interval')}>
                <InputNumber
                  min={1}
                  max={12}
                  prefix={t('series:when.every')}
                  suffix={rule.frequency === 'WEEKLY' ? t('series:when.weeks') : t('series:when.months')}
                  style={{ width: 180 }}
                />
              </Form.Item>
            </Col>
          </Row>
          {rule.frequency === 'MONTHLY' && (
            <Form.Item
              name="positions"
              label={t('series:when.positions')}
              rules={[{ required: true, type: 'array', min: 1, message: t('series:when.positionsRequired') }]}
            >
              <Checkbox.Group options={MONTH_POSITIONS.map((p) => ({ value: p, label: t(`series:positions.${p === -1 ? 'last' : p}`) }))} />
            </Form.Item>
          )}
          <Form.Item name="weekdays" label={t('series:when.weekdays')} rules={[{ required: true, type: 'array', min: 1, message: t('series:when.weekdaysRequired') }]}>
            <Checkbox.Group options={RRULE_DAYS.map((d) => ({ value: d, label: t(`series:weekdays.${isoWeekday(d)}`) }))} data-testid="series-weekdays" />
          </Form.Item>
          {rrule && ruleText && (
            <Alert
              type="success"
              showIcon
              style={{ marginBottom: 16 }}
              title={ruleText}
              description={<Typography.Text code copyable>{rrule}</Typography.Text>}
              data-testid="series-rule-text"
            />
          )}
        </>
      )}

      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="startDate" label={t('series:when.startDate')} rules={[{ required: true, message: t('series:when.startDateRequired') }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={outsideYear} data-testid="series-start-date" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="untilDate"
            label={t('series:when.untilDate')}
            extra={kind === 'RRULE' ? t('series:when.untilDateHelp') : undefined}
            rules={[{ required: kind === 'SEASONAL_CADENCE', message: t('series:when.untilDateRequired') }]}
          >
            <DatePicker style={{ width: '100%' }} disabledDate={outsideYear} data-testid="series-until-date" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="startTime" label={t('series:when.startTime')} rules={[{ required: true, message: t('events:form.required.time') }]}>
            <TimePicker format="HH:mm" minuteStep={5} style={{ width: '100%' }} needConfirm={false} data-testid="series-start-time" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="durationMinutes" label={t('events:form.duration')} rules={[{ required: true, message: t('events:form.required.duration') }]}>
            <InputNumber min={15} max={1440} step={15} style={{ width: '100%' }} suffix={t('events:form.minutes')} data-testid="series-duration" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="holidayPolicy" label={t('series:when.holidayPolicy')}>
        <Radio.Group data-testid="series-holiday-policy">
          <Space orientation="vertical">
            {POLICIES.map((p) => (
              <Radio key={p} value={p}>
                <Typography.Text strong>{t(`series:holidayPolicy.${p}`)}</Typography.Text>
                <Typography.Text type="secondary" style={{ display: 'block' }}>
                  {t(`series:holidayPolicyHelp.${p}`)}
                </Typography.Text>
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      </Form.Item>
    </>
  );
}
