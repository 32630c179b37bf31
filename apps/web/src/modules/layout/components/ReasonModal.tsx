import type { ReactNode } from 'react';
import { Form, Input, Modal } from 'antd';

/** A confirm dialog that requires a written reason (rejecting, cancelling): the reason is shown to the people affected. */
export function ReasonModal({
  open,
  title,
  okText,
  cancelText,
  label,
  placeholder,
  requiredMessage,
  notice,
  confirming,
  testIds,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  title: string;
  okText: string;
  cancelText: string;
  label: string;
  placeholder: string;
  requiredMessage: string;
  notice?: ReactNode;
  confirming: boolean;
  testIds: { confirm: string; reason: string };
  onCancel(): void;
  onConfirm(reason: string): void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      okButtonProps={{ danger: true, loading: confirming, 'data-testid': testIds.confirm }}
      cancelText={cancelText}
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
      forceRender
    >
      {notice}
      <Form form={form} layout="vertical" onFinish={({ reason }) => onConfirm(reason.trim())} preserve={false}>
        <Form.Item name="reason" label={label} rules={[{ required: true, whitespace: true, message: requiredMessage }]}>
          <Input.TextArea rows={4} maxLength={500} showCount placeholder={placeholder} data-testid={testIds.reason} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
