import { Alert, DatePicker, Form, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { hasErrorCode } from '../../apollo/utils/graphql-errors.js';
import { instantToPicker, pickerToInstant } from '../utils/shanghai-time.js';

interface Values {
  time: [Dayjs, Dayjs];
}

/**
 * 改期: a new start and end for one event. Registrations and booth bookings stay attached to the event,
 * so they move with it; the API tells the people concerned.
 */
export function RescheduleEventModal({
  open,
  event,
  confirming,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  event: { title: string; startsAt: string; endsAt: string; isOnline: boolean };
  confirming: boolean;
  onCancel(): void;
  /** Rejects with the API error; a venue clash is shown by the time field. */
  onConfirm(startsAt: string, endsAt: string): Promise<void>;
}) {
  const { t } = useTranslation(['core', 'events']);
  const { describe, showOnForm } = useApiError();
  const [form] = Form.useForm<Values>();
  const submit = async ({ time: [start, end] }: Values) => {
    try {
      await onConfirm(pickerToInstant(start), pickerToInstant(end));
    } catch (e) {
      if (hasErrorCode(e, 'CONFLICT') || !showOnForm(form, e, ['time'], { startsAt: 'time', endsAt: 'time' })) {
        form.setFields([{ name: 'time', errors: [describe(e)] }]);
      }
    }
  };
  return (
    <Modal
      open={open}
      title={`${t('events:detail.rescheduleTitle')} · ${event.title}`}
      okText={t('events:detail.reschedule')}
      okButtonProps={{ loading: confirming, 'data-testid': 'reschedule-confirm' }}
      cancelText={t('common.cancel')}
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
      forceRender
    >
      <Alert type="info" showIcon title={t('events:detail.rescheduleHint')} style={{ marginBottom: 16 }} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        preserve={false}
        initialValues={{ time: [instantToPicker(event.startsAt), instantToPicker(event.endsAt)] }}
      >
        <Form.Item
          name="time"
          label={t('events:detail.newTime')}
          rules={[{ required: true, message: t('events:form.required.time') }]}
          extra={t('events:form.timeZoneNote')}
        >
          <DatePicker.RangePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="reschedule-time" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
