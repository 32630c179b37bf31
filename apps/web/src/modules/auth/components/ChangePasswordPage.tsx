import { LockOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import { Alert, App, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { ChangePasswordDocument } from '../../../generated/graphql.js';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { useAuth } from '../hooks/use-auth.js';
import { ROLE_HOME } from '../utils/role-home.js';
import { AuthLayout } from './AuthLayout.js';
import { NewPasswordFormItems } from './PasswordFormItems.js';
import { FullPageSpin } from './SessionStates.js';

interface ChangeValues {
  currentPassword: string;
  newPassword: string;
}

const FIELDS = ['currentPassword', 'newPassword'] as const;

/**
 * Any signed-in user changes the password here (needs the current one); an account staff created or reset is
 * sent here first and can do nothing else until it has chosen its own password.
 */
export function ChangePasswordPage() {
  const { t } = useTranslation(['core', 'auth']);
  const { status, user, logout } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<ChangeValues>();
  const [change, { loading }] = useMutation(ChangePasswordDocument);
  const { describe, showOnForm } = useApiError();
  const [error, setError] = useState<string | null>(null);

  if (status === 'starting') return <FullPageSpin />;
  if (!user) return <Navigate to="/login?next=%2Faccount%2Fpassword" replace />;
  const forced = user.mustChangePassword;

  const onFinish = async (values: ChangeValues) => {
    setError(null);
    try {
      // The answer updates the cached `me` (mustChangePassword false), which lifts the redirect.
      await change({ variables: { input: { currentPassword: values.currentPassword, newPassword: values.newPassword } } });
      void message.success(t('auth:passwordChanged'));
      navigate(ROLE_HOME[user.role], { replace: true });
    } catch (e) {
      if (!showOnForm(form, e, FIELDS)) setError(describe(e));
    }
  };

  return (
    <AuthLayout title={t('auth:changePasswordTitle')} subtitle={t(forced ? 'auth:forcedChangeSubtitle' : 'auth:changePasswordSubtitle')}>
      <Form<ChangeValues> form={form} layout="vertical" onFinish={onFinish} requiredMark={false} name="change-password">
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="change-password-error" />}
        <Form.Item name="currentPassword" label={t('auth:currentPassword')} rules={[{ required: true, message: t('auth:passwordRequired') }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="current-password" />
        </Form.Item>
        <NewPasswordFormItems name="newPassword" label={t('auth:newPassword')} />
        <Button type="primary" htmlType="submit" block size="large" loading={loading} data-testid="change-password-submit">
          {t('auth:changePasswordSubmit')}
        </Button>
      </Form>
      <Button type="link" block style={{ marginTop: 12 }} onClick={() => void logout().then(() => navigate('/login', { replace: true }))}>
        {t('auth:logout')}
      </Button>
    </AuthLayout>
  );
}
