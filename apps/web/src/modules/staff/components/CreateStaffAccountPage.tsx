import { CREATABLE_ROLES, type Role } from '@leye/domain';
import { Alert, App, Button, Card, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { ContactFormItems, optionalString } from '../../auth/components/ContactFormItems.js';
import { NewPasswordFormItems } from '../../auth/components/PasswordFormItems.js';
import { useCurrentUser } from '../../auth/hooks/use-auth.js';
import { PageHeader } from '../../layout/components/PageHeader.js';
import { RegionSelect } from '../../regions/components/RegionSelect.js';
import { useCreateStaffAccount } from '../hooks/use-create-staff-account.js';

/** Staff roles this page offers; the shared table says who may create whom (the API enforces it too). */
const STAFF_ROLES: readonly Role[] = ['ORGANIZER', 'MENTOR', 'HOST'];

interface StaffValues {
  role: Role;
  displayName: string;
  phone?: string;
  email?: string;
  regionCode?: string;
  password: string;
}

const FIELDS = ['role', 'displayName', 'phone', 'email', 'regionCode', 'password'] as const;

export function CreateStaffAccountPage() {
  const { t } = useTranslation(['core', 'register', 'staff']);
  const { message } = App.useApp();
  const { describe, showOnForm } = useApiError();
  const me = useCurrentUser();
  const { create, creating } = useCreateStaffAccount();
  const [form] = Form.useForm<StaffValues>();
  const [error, setError] = useState<string | null>(null);
  const roles = STAFF_ROLES.filter((r) => CREATABLE_ROLES[me.role].includes(r));
  const role = Form.useWatch('role', form);

  const onFinish = async (values: StaffValues) => {
    setError(null);
    try {
      const user = await create({
        role: values.role,
        displayName: values.displayName.trim(),
        phone: optionalString(values.phone),
        email: optionalString(values.email),
        regionCode: values.regionCode || undefined,
        password: values.password,
      });
      if (user) void message.success(t('staff:created', { name: user.displayName, role: t(`roles.${user.role}`) }));
      form.resetFields();
    } catch (e) {
      if (!showOnForm(form, e, FIELDS)) setError(describe(e));
    }
  };

  return (
    <>
      <PageHeader title={t('staff:title')} subtitle={t('staff:subtitle')} />
      <Card variant="borderless" style={{ maxWidth: 640 }}>
        <Form<StaffValues>
          form={form}
          layout="vertical"
          onFinish={onFinish}
          requiredMark="optional"
          name="create-staff"
          initialValues={{ role: roles[0], regionCode: me.region?.code }}
        >
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
          <Form.Item name="role" label={t('staff:role')} rules={[{ required: true, message: t('staff:roleRequired') }]}>
            <Select options={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))} data-testid="staff-role" />
          </Form.Item>
          <Form.Item
            name="displayName"
            label={t('staff:displayName')}
            rules={[{ required: true, whitespace: true, message: t('register:displayNameRequired') }]}
          >
            <Input maxLength={50} autoComplete="off" />
          </Form.Item>
          <ContactFormItems />
          <Form.Item
            name="regionCode"
            label={t('staff:region')}
            rules={[{ required: role === 'ORGANIZER', message: t('staff:regionRequired') }]}
          >
            <RegionSelect allowClear placeholder={t('register:regionPlaceholder')} />
          </Form.Item>
          <NewPasswordFormItems label={t('staff:initialPassword')} withConfirmation={false} />
          <Button type="primary" htmlType="submit" loading={creating}>
            {t('staff:submit')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
