import { Alert, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';

/** 取消活动: the reason is shown publicly and sent to everyone registered, so it is required. */
export function CancelEventModal({
  open,
  eventTitle,
  confirming,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  eventTitle: string;
  confirming: boolean;
  onCancel(): void;
  onConfirm(reason: string): void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={open}
      title={`${t('events.detail.cancelTitle')} · ${eventTitle}`}
      okText={t('events.detail.cancelConfirm')}
      okButtonProps={{ danger: true, loading: confirming, 'data-testid': 'cancel-event-confirm' }}
      cancelText={t('common.back')}
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
      forceRender
    >
      <Alert type="warning" showIcon title={t('events.detail.cancelWarning')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={({ reason }) => onConfirm(reason.trim())} preserve={false}>
        <Form.Item
          name="reason"
          label={t('events.fields.cancelReason')}
          rules={[{ required: true, whitespace: true, message: t('events.detail.cancelReasonRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={500} showCount placeholder={t('events.detail.cancelReasonPlaceholder')} data-testid="cancel-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
