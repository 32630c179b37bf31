import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MOBILE_PHONE_PATTERN } from '@leye/domain';
import type { EmployerFieldsFragment } from '../../../generated/graphql.js';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { RegionSelect } from '../../regions/components/RegionSelect.js';
import { useResubmitMyEmployer } from '../hooks/use-employers.js';
import { CreditCodeFormItem, CreditCodeRegionHint } from './CreditCodeFormItem.js';

interface ResubmitValues {
  name: string;
  creditCode: string;
  regionCode: string;
  contactName: string;
  contactPhone?: string;
}

const FIELDS = ['name', 'creditCode', 'regionCode', 'contactName', 'contactPhone'] as const;

/** A rejected (or revoked) employer corrects its details and asks for review again. */
export function ResubmitEmployerModal({ employer, open, onClose }: { employer: EmployerFieldsFragment; open: boolean; onClose(): void }) {
  const { t } = useTranslation(['core', 'employers', 'register']);
  const { message } = App.useApp();
  const [form] = Form.useForm<ResubmitValues>();
  const { resubmit, loading } = useResubmitMyEmployer();
  const { describe, showOnForm } = useApiError();
  const [error, setError] = useState<string | null>(null);

  const onFinish = async (values: ResubmitValues) => {
    setError(null);
    try {
      await resubmit({
        name: values.name.trim(),
        creditCode: values.creditCode,
        regionCode: values.regionCode,
        contactName: values.contactName.trim(),
        contactPhone: values.contactPhone?.trim() || undefined,
      });
      void message.success(t('employers:mine.resubmitted'));
      onClose();
    } catch (e) {
      if (!showOnForm(form, e, FIELDS)) setError(describe(e));
    }
  };

  return (
    <Modal
      open={open}
      title={t('employers:mine.resubmitTitle')}
      okText={t('employers:mine.resubmitSubmit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading, 'data-testid': 'resubmit-confirm' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<ResubmitValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        name="resubmit-employer"
        initialValues={{
          name: employer.name,
          creditCode: employer.creditCode,
          regionCode: employer.region.code,
          contactName: employer.contactName ?? '',
          contactPhone: employer.contactPhone ?? '',
        }}
      >
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Form.Item name="name" label={t('employers:fields.name')} rules={[{ required: true, whitespace: true, message: t('register:employerNameRequired') }]}>
          <Input maxLength={100} data-testid="resubmit-name" />
        </Form.Item>
        <CreditCodeFormItem />
        <Form.Item name="regionCode" label={t('employers:fields.region')} rules={[{ required: true, message: t('register:regionRequired') }]}>
          <RegionSelect includeCity={false} />
        </Form.Item>
        <CreditCodeRegionHint />
        <Form.Item name="contactName" label={t('employers:fields.contactName')} rules={[{ required: true, whitespace: true, message: t('register:contactNameRequired') }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name="contactPhone"
          label={t('employers:fields.contactPhone')}
          rules={[{ pattern: MOBILE_PHONE_PATTERN, message: t('register:phoneInvalid') }]}
        >
          <Input maxLength={11} inputMode="tel" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
