import { checkPasswordStrength, PASSWORD_MAX_LENGTH, PASSWORD_MESSAGES } from '@leye/domain';
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/hooks/use-language.js';

/** A new password, held to the same strength rule as the API (@leye/domain), plus its confirmation. */
export function NewPasswordFormItems({
  name = 'password',
  label,
  withConfirmation = true,
}: {
  name?: string;
  label?: string;
  withConfirmation?: boolean;
}) {
  const { t } = useTranslation(['core', 'auth', 'register']);
  const { domainKey } = useLanguage();
  return (
    <>
      <Form.Item
        name={name}
        label={label ?? t('register:password')}
        extra={t('register:passwordHint')}
        hasFeedback
        validateDebounce={250}
        rules={[
          { required: true, message: t('auth:passwordRequired') },
          {
            validator: async (_, value: string | undefined) => {
              if (!value) return;
              const problem = checkPasswordStrength(value);
              if (problem) throw new Error(PASSWORD_MESSAGES[problem][domainKey]);
            },
          },
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={PASSWORD_MAX_LENGTH} data-testid="new-password" />
      </Form.Item>
      {withConfirmation && (
        <Form.Item
          name={`${name}Confirmation`}
          label={t('register:confirmPassword')}
          dependencies={[name]}
          hasFeedback
          rules={[
            { required: true, message: t('register:confirmPasswordRequired') },
            ({ getFieldValue }) => ({
              validator: async (_, value: string | undefined) => {
                if (value && value !== getFieldValue(name)) throw new Error(t('register:passwordMismatch'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={PASSWORD_MAX_LENGTH} data-testid="confirm-password" />
        </Form.Item>
      )}
    </>
  );
}
