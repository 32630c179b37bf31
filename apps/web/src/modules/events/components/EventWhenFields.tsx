import { Col, DatePicker, Form, InputNumber, Row, TimePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { HolidayYearNotice } from '../../holidays/components/HolidaysUnknownNotice.js';

const DATE_TIME = 'YYYY-MM-DD HH:mm';

/**
 * When an event happens and when registration is open. An edit that spans several occurrences of a
 * series (`seriesScope`) changes the time of day and the length instead of one start and end.
 */
export function EventWhenFields({ seriesScope = false }: { seriesScope?: boolean }) {
  const { t } = useTranslation(['core', 'events']);
  const time = Form.useWatch<[Dayjs | null, Dayjs | null] | null>('time', Form.useFormInstance());
  return (
    <>
      {seriesScope ? (
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="startTime" label={t('events:form.startTime')} rules={[{ required: true, message: t('events:form.required.time') }]}>
              <TimePicker format="HH:mm" minuteStep={5} style={{ width: '100%' }} needConfirm={false} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="durationMinutes" label={t('events:form.duration')} rules={[{ required: true, message: t('events:form.required.duration') }]}>
              <InputNumber min={15} max={1440} step={15} style={{ width: '100%' }} suffix={t('events:form.minutes')} />
            </Form.Item>
          </Col>
        </Row>
      ) : (
        <Form.Item
          name="time"
          label={t('events:fields.time')}
          rules={[{ required: true, message: t('events:form.required.time') }]}
          extra={t('events:form.timeZoneNote')}
        >
          <DatePicker.RangePicker
            showTime={{ format: 'HH:mm', minuteStep: 5 }}
            format={DATE_TIME}
            style={{ width: '100%' }}
            placeholder={[t('events:fields.startsAt'), t('events:fields.endsAt')]}
            data-testid="event-time"
          />
        </Form.Item>
      )}
      {!seriesScope && <HolidayYearNotice date={time?.[0]?.format('YYYY-MM-DD')} />}
      {!seriesScope && (
        <Form.Item name="registration" label={t('events:fields.registration')} extra={t('events:form.registrationHelp')}>
          <DatePicker.RangePicker
            showTime={{ format: 'HH:mm', minuteStep: 5 }}
            format={DATE_TIME}
            allowEmpty={[true, true]}
            style={{ width: '100%' }}
            placeholder={[t('events:form.registrationOpens'), t('events:form.registrationCloses')]}
          />
        </Form.Item>
      )}
    </>
  );
}
