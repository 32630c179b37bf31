import { KeyOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import { Alert, App, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ResetPasswordWithCodeDocument } from '../../../generated/graphql.js';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { AuthLayout } from './AuthLayout.js';
import { NewPasswordFormItems } from './PasswordFormItems.js';

interface ResetValues {
  login: string;
  code: string;
  newPassword: string;
}

const FIELDS = ['login', 'code', 'newPassword'] as const;

/** Public: account + the one-time code a staff member handed over + a new password (no e-mail needed). */
export function ResetPasswordPage() {
  const { t } = useTranslation(['core', 'auth']);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<ResetValues>();
  const [reset, { loading }] = useMutation(ResetPasswordWithCodeDocument);
  const { describe, showOnForm } = useApiError();
  const [error, setError] = useState<string | null>(null);

  const onFinish = async (values: ResetValues) => {
    setError(null);
    try {
      await reset({ variables: { input: { login: values.login.trim(), code: values.code.trim(), newPassword: values.newPassword } } });
      void message.success(t('auth:resetDone'));
      navigate('/login', { replace: true });
    } catch (e) {
      if (!showOnForm(form, e, FIELDS)) setError(describe(e));
    }
  };

  return (
    <AuthLayout title={t('auth:resetTitle')} subtitle={t('auth:resetSubtitle')}>
      <Form<ResetValues> form={form} layout="vertical" onFinish={onFinish} requiredMark={false} name="reset-password">
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="reset-error" />}
        <Form.Item name="login" label={t('auth:loginLabel')} rules={[{ required: true, whitespace: true, message: t('auth:loginRequired') }]}>
          <Input prefix={<UserOutlined />} placeholder={t('auth:loginPlaceholder')} autoComplete="username" data-testid="reset-login" />
        </Form.Item>
        <Form.Item name="code" label={t('auth:resetCode')} rules={[{ required: true, whitespace: true, message: t('auth:resetCodeRequired') }]}>
          <Input
            prefix={<KeyOutlined />}
            placeholder={t('auth:resetCodePlaceholder')}
            autoComplete="one-time-code"
            spellCheck={false}
            maxLength={40}
            data-testid="reset-code"
          />
        </Form.Item>
        <NewPasswordFormItems name="newPassword" label={t('auth:newPassword')} />
        <Button type="primary" htmlType="submit" block size="large" loading={loading} data-testid="reset-submit">
          {t('auth:resetSubmit')}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, textAlign: 'center' }}>
        <Link to="/login">{t('auth:backToLogin')}</Link>
      </Typography.Paragraph>
    </AuthLayout>
  );
}
