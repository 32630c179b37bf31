import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';

/** Asks for a reason (2–500 characters) shown to the employer: cancelling or rejecting a booking. */
export function ReasonModal({
  open,
  title,
  okText,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  title: string;
  okText: string;
  onCancel(): void;
  onConfirm(reason: string): Promise<void>;
}) {
  const { t } = useTranslation(['core', 'booths']);
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      okButtonProps={{ danger: true, 'data-testid': 'reason-confirm' }}
      cancelText={t('core:common.cancel')}
      onCancel={onCancel}
      onOk={() => form.validateFields().then((v) => onConfirm(v.reason.trim()))}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="reason" label={t('booths:actions.reason')} rules={[{ required: true, whitespace: true, min: 2, max: 500, message: t('booths:actions.reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="reason-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
