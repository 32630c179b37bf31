import { Alert, App, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { RegionSelect } from '../../regions/components/RegionSelect.js';
import { useRegisterSeeker } from '../hooks/use-auth-mutations.js';
import { ROLE_HOME } from '../utils/role-home.js';
import { AuthLayout } from './AuthLayout.js';
import { ContactFormItems, optionalString } from './ContactFormItems.js';
import { NewPasswordFormItems } from './PasswordFormItems.js';

interface SeekerValues {
  displayName: string;
  phone?: string;
  email?: string;
  regionCode: string;
  password: string;
}

const FIELDS = ['displayName', 'phone', 'email', 'regionCode', 'password'] as const;

export function RegisterSeekerPage() {
  const { t } = useTranslation(['core', 'auth', 'register']);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<SeekerValues>();
  const { register, loading } = useRegisterSeeker();
  const { describe, showOnForm } = useApiError();
  const [error, setError] = useState<string | null>(null);

  const onFinish = async (values: SeekerValues) => {
    setError(null);
    try {
      const user = await register({
        displayName: values.displayName.trim(),
        phone: optionalString(values.phone),
        email: optionalString(values.email),
        regionCode: values.regionCode,
        password: values.password,
      });
      void message.success(t('register:success'));
      navigate(ROLE_HOME[user.role], { replace: true });
    } catch (e) {
      if (!showOnForm(form, e, FIELDS)) setError(describe(e));
    }
  };

  return (
    <AuthLayout title={t('register:seekerTitle')} subtitle={t('register:seekerSubtitle')}>
      <Form<SeekerValues> form={form} layout="vertical" onFinish={onFinish} requiredMark="optional" name="register-seeker" scrollToFirstError>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Form.Item name="displayName" label={t('register:displayName')} rules={[{ required: true, whitespace: true, message: t('register:displayNameRequired') }]}>
          <Input autoComplete="name" placeholder={t('register:displayNamePlaceholder')} maxLength={50} />
        </Form.Item>
        <ContactFormItems />
        {/* The county is what statistics and notifications go by. */}
        <Form.Item name="regionCode" label={t('register:seekerRegion')} rules={[{ required: true, message: t('register:seekerRegionRequired') }]}>
          <RegionSelect placeholder={t('register:seekerRegionPlaceholder')} includeCity={false} data-testid="region-select" />
        </Form.Item>
        <NewPasswordFormItems />
        <Button type="primary" htmlType="submit" block size="large" loading={loading}>
          {t('register:submit')}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, textAlign: 'center' }}>
        {t('auth:haveAccount')} <Link to="/login">{t('auth:goLogin')}</Link>
      </Typography.Paragraph>
    </AuthLayout>
  );
}
