import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';

/** Asks why; the reason is stored and sent to the employer, so it is required. */
export function RejectEmployerModal({
  open,
  employerName,
  confirming,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  employerName: string;
  confirming: boolean;
  onCancel(): void;
  onConfirm(reason: string): void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={open}
      title={`${t('employers.detail.rejectTitle')} · ${employerName}`}
      okText={t('employers.detail.reject')}
      okButtonProps={{ danger: true, loading: confirming, 'data-testid': 'reject-confirm' }}
      cancelText={t('common.cancel')}
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={({ reason }) => onConfirm(reason.trim())} preserve={false}>
        <Form.Item
          name="reason"
          label={t('employers.detail.rejectReason')}
          rules={[{ required: true, whitespace: true, message: t('employers.detail.rejectReasonRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={500} showCount placeholder={t('employers.detail.rejectReasonPlaceholder')} data-testid="reject-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
