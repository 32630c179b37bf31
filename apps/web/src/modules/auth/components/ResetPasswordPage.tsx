import { KeyOutlined, MailOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Divider, Form, Input, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PasswordResetByEmailAvailableDocument, RequestPasswordResetEmailDocument, ResetPasswordWithCodeDocument } from '../../../generated/graphql.js';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { AuthLayout } from './AuthLayout.js';
import { NewPasswordFormItems } from './PasswordFormItems.js';
import { resetPrefill } from '../utils/reset-prefill.js';

interface ResetValues {
  login: string;
  code: string;
  newPassword: string;
}

const FIELDS = ['login', 'code', 'newPassword'] as const;
const EMAIL_FIELDS = ['email'] as const;

/**
 * Where the server has SMTP: asks for a code by e-mail. The answer is the same whether or not the address has an
 * account, so the page says only "if … a code is on its way". `onSent` fills the reset form's account field.
 */
function EmailCodeRequest({ onSent }: { onSent: (email: string) => void }) {
  const { t } = useTranslation(['core', 'auth']);
  const [form] = Form.useForm<{ email: string }>();
  const [request, { loading }] = useMutation(RequestPasswordResetEmailDocument);
  const { describe, showOnForm } = useApiError();
  const [error, setError] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);

  const onFinish = async ({ email }: { email: string }) => {
    setError(null);
    setSentTo(null);
    try {
      await request({ variables: { email: email.trim() } });
      setSentTo(email.trim());
      onSent(email.trim());
    } catch (e) {
      if (!showOnForm(form, e, EMAIL_FIELDS)) setError(describe(e));
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} name="reset-by-email" data-testid="reset-email-form">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('auth:resetByEmailTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('auth:resetByEmailHint')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="reset-email-error" />}
      {sentTo && <Alert type="success" showIcon title={t('auth:resetByEmailSent', { email: sentTo })} style={{ marginBottom: 16 }} data-testid="reset-email-sent" />}
      <Form.Item
        name="email"
        label={t('auth:resetByEmailLabel')}
        rules={[
          { required: true, whitespace: true, message: t('auth:resetByEmailRequired') },
          { type: 'email', message: t('core:errors.fields.INVALID_EMAIL') },
        ]}
      >
        <Input prefix={<MailOutlined />} type="email" autoComplete="email" maxLength={200} data-testid="reset-email" />
      </Form.Item>
      <Button htmlType="submit" block loading={loading} data-testid="reset-email-submit">
        {t('auth:resetByEmailSubmit')}
      </Button>
    </Form>
  );
}

/** Public: account + a one-time code (handed over by staff, or e-mailed where SMTP is configured) + a new password. */
export function ResetPasswordPage() {
  const { t } = useTranslation(['core', 'auth']);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const initialValues = useMemo(() => resetPrefill(searchParams), [searchParams]);
  const [form] = Form.useForm<ResetValues>();
  const byEmail = useQuery(PasswordResetByEmailAvailableDocument, { fetchPolicy: 'cache-first' });
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
      {byEmail.data?.passwordResetByEmailAvailable && !initialValues.code && (
        <>
          <EmailCodeRequest onSent={(email) => form.setFieldValue('login', email)} />
          <Divider />
        </>
      )}
      <Form<ResetValues> form={form} layout="vertical" onFinish={onFinish} requiredMark={false} name="reset-password" initialValues={initialValues}>
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
