import { Alert, DatePicker, Form, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { hasErrorCode } from '../../apollo/utils/graphql-errors.js';
import { useLanguage } from '../../i18n/hooks/use-language.js';
import { useConfirmPastStart } from '../hooks/use-confirm-past-start.js';
import { movedRegistrationWindow } from '../utils/reschedule-window.js';
import { formatShanghai, instantToPicker, pickerToInstant } from '../utils/shanghai-time.js';

interface Values {
  time: [Dayjs, Dayjs];
}

/**
 * 改期: a new start and end for one event. Registrations and booth bookings stay attached to the event,
 * so they move with it; the registration window moves by the same offset (shown before confirming);
 * a new start in the past is asked about first. The API tells the people concerned.
 */
export function RescheduleEventModal({
  open,
  event,
  confirming,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  event: { title: string; startsAt: string; endsAt: string; isOnline: boolean; registrationOpensAt?: string | null; registrationClosesAt?: string | null };
  confirming: boolean;
  onCancel(): void;
  /** Rejects with the API error; a venue clash or the same time is shown by the time field. */
  onConfirm(startsAt: string, endsAt: string, allowPastStart: boolean): Promise<void>;
}) {
  const { t } = useTranslation(['core', 'events']);
  const { language } = useLanguage();
  const { describe, showOnForm } = useApiError();
  const [form] = Form.useForm<Values>();
  const time = Form.useWatch('time', form);
  const dateFormat = language === 'en' ? 'ddd, MMM D, YYYY HH:mm' : 'YYYY年M月D日 dddd HH:mm';
  const when = (v: string | null) => (v ? formatShanghai(v, dateFormat) : '—');
  const confirmPastStart = useConfirmPastStart('detail', when);
  const window =
    time?.[0] && time[1] && (event.registrationOpensAt || event.registrationClosesAt)
      ? movedRegistrationWindow(event, pickerToInstant(time[0]), pickerToInstant(time[1]))
      : null;

  const send = async (startsAt: string, endsAt: string, allowPastStart: boolean) => {
    try {
      await onConfirm(startsAt, endsAt, allowPastStart);
    } catch (e) {
      if (hasErrorCode(e, 'CONFLICT') || !showOnForm(form, e, ['time'], { startsAt: 'time', endsAt: 'time' })) {
        form.setFields([{ name: 'time', errors: [describe(e)] }]);
      }
    }
  };
  const submit = ({ time: [start, end] }: Values) => {
    const startsAt = pickerToInstant(start);
    const endsAt = pickerToInstant(end);
    // The same time goes to the API, which refuses it (RESCHEDULE_SAME_TIME); a past start is asked about first.
    const unchanged = Date.parse(startsAt) === Date.parse(event.startsAt) && Date.parse(endsAt) === Date.parse(event.endsAt);
    if (unchanged || Date.parse(startsAt) >= Date.now()) return void send(startsAt, endsAt, false);
    void confirmPastStart(startsAt).then((confirmed) => {
      if (confirmed) void send(startsAt, endsAt, true);
    });
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
        onFinish={submit}
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
      <Typography.Text type="secondary" data-testid="reschedule-window">
        {window
          ? t('events:detail.rescheduleWindow', { window: `${when(window.registrationOpensAt)} – ${when(window.registrationClosesAt)}` })
          : t('events:detail.rescheduleWindowNone')}
      </Typography.Text>
    </Modal>
  );
}
