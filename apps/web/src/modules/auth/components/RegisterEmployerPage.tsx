import { Alert, App, Button, Divider, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { CreditCodeFormItem, CreditCodeRegionHint } from '../../employers/components/CreditCodeFormItem.js';
import { creditCodeLinyiRegion } from '../../employers/utils/credit-code-feedback.js';
import { RegionSelect } from '../../regions/components/RegionSelect.js';
import { useRegisterEmployer } from '../hooks/use-auth-mutations.js';
import { ROLE_HOME } from '../utils/role-home.js';
import { AuthLayout } from './AuthLayout.js';
import { ContactFormItems, optionalString } from './ContactFormItems.js';
import { NewPasswordFormItems } from './PasswordFormItems.js';

interface EmployerValues {
  employerName: string;
  creditCode: string;
  regionCode: string;
  displayName: string;
  phone?: string;
  email?: string;
  password: string;
}

const FIELDS = ['employerName', 'creditCode', 'regionCode', 'displayName', 'phone', 'email', 'password'] as const;

export function RegisterEmployerPage() {
  const { t } = useTranslation(['core', 'auth', 'register']);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<EmployerValues>();
  const { register, loading } = useRegisterEmployer();
  const { describe, showOnForm } = useApiError();
  const [error, setError] = useState<string | null>(null);

  const onValuesChange = (changed: Partial<EmployerValues>) => {
    // The credit code embeds the registering district: pre-select it when the user has not chosen.
    if (changed.creditCode && !form.getFieldValue('regionCode')) {
      const region = creditCodeLinyiRegion(changed.creditCode);
      if (region) form.setFieldValue('regionCode', region);
    }
  };

  const onFinish = async (values: EmployerValues) => {
    setError(null);
    try {
      const user = await register({
        employerName: values.employerName.trim(),
        creditCode: values.creditCode,
        regionCode: values.regionCode,
        displayName: values.displayName.trim(),
        phone: optionalString(values.phone),
        email: optionalString(values.email),
        password: values.password,
      });
      void message.success(t('register:success'));
      navigate(ROLE_HOME[user.role], { replace: true });
    } catch (e) {
      if (!showOnForm(form, e, FIELDS, { name: 'employerName' })) setError(describe(e));
    }
  };

  return (
    <AuthLayout title={t('register:employerTitle')} subtitle={t('register:employerSubtitle')} wide>
      <Form<EmployerValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        onValuesChange={onValuesChange}
        requiredMark="optional"
        name="register-employer"
        scrollToFirstError
      >
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="register-error" />}
        <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
          {t('register:sectionOrganisation')}
        </Divider>
        <Form.Item
          name="employerName"
          label={t('register:employerName')}
          rules={[{ required: true, whitespace: true, message: t('register:employerNameRequired') }]}
        >
          <Input placeholder={t('register:employerNamePlaceholder')} maxLength={100} autoComplete="organization" />
        </Form.Item>
        <CreditCodeFormItem />
        <Form.Item name="regionCode" label={t('register:region')} rules={[{ required: true, message: t('register:regionRequired') }]}>
          <RegionSelect placeholder={t('register:regionPlaceholder')} includeCity={false} data-testid="region-select" />
        </Form.Item>
        <CreditCodeRegionHint />
        <Divider titlePlacement="start" plain>
          {t('register:sectionContact')}
        </Divider>
        <Form.Item
          name="displayName"
          label={t('register:contactName')}
          rules={[{ required: true, whitespace: true, message: t('register:contactNameRequired') }]}
        >
          <Input placeholder={t('register:contactNamePlaceholder')} autoComplete="name" maxLength={50} />
        </Form.Item>
        <ContactFormItems />
        <NewPasswordFormItems />
        <Button type="primary" htmlType="submit" block size="large" loading={loading} data-testid="register-submit">
          {t('register:submit')}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, textAlign: 'center' }}>
        {t('auth:haveAccount')} <Link to="/login">{t('auth:goLogin')}</Link>
      </Typography.Paragraph>
    </AuthLayout>
  );
}
