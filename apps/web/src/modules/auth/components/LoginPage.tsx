import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, App, Button, Divider, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { useLogin } from '../hooks/use-auth-mutations.js';
import { postLoginPath } from '../utils/role-home.js';
import { AuthLayout } from './AuthLayout.js';

interface LoginValues {
  login: string;
  password: string;
}

export function LoginPage() {
  const { t } = useTranslation(['core', 'auth']);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { login, loading } = useLogin();
  const { describe } = useApiError();
  const [error, setError] = useState<string | null>(null);

  const onFinish = async (values: LoginValues) => {
    setError(null);
    try {
      const user = await login({ login: values.login.trim(), password: values.password });
      void message.success(t('auth:welcomeBack', { name: user.displayName }));
      navigate(postLoginPath(user.role, params.get('next')), { replace: true });
    } catch (e) {
      setError(describe(e));
    }
  };

  return (
    <AuthLayout title={t('auth:loginTitle')} subtitle={t('auth:loginSubtitle')}>
      <Form<LoginValues> layout="vertical" size="large" onFinish={onFinish} requiredMark={false} name="login">
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
        <Form.Item name="login" label={t('auth:loginLabel')} rules={[{ required: true, whitespace: true, message: t('auth:loginRequired') }]}>
          <Input prefix={<UserOutlined />} placeholder={t('auth:loginPlaceholder')} autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item name="password" label={t('auth:password')} rules={[{ required: true, message: t('auth:passwordRequired') }]}>
          <Input.Password prefix={<LockOutlined />} placeholder={t('auth:passwordPlaceholder')} autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={loading} data-testid="login-submit">
          {t('auth:loginSubmit')}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 12, textAlign: 'right' }}>
        <Link to="/reset-password" data-testid="forgot-password">
          {t('auth:forgotPassword')}
        </Link>
      </Typography.Paragraph>
      <Divider plain>{t('auth:noAccount')}</Divider>
      <Flex gap={12} wrap>
        <Link to="/register/seeker" style={{ flex: 1 }}>
          <Button block>{t('auth:registerSeeker')}</Button>
        </Link>
        <Link to="/register/employer" style={{ flex: 1 }}>
          <Button block>{t('auth:registerEmployer')}</Button>
        </Link>
      </Flex>
    </AuthLayout>
  );
}
