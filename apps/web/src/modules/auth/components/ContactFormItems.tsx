import { EMAIL_PATTERN, MOBILE_PHONE_PATTERN } from '@leye/domain';
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

/** Phone and e-mail: either may be left empty, not both (the API signs people in with either). */
export function ContactFormItems() {
  const { t } = useTranslation(['core', 'register']);
  const atLeastOne = ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
    validator: async () => {
      if (!getFieldValue('phone') && !getFieldValue('email')) throw new Error(t('register:contactRequired'));
    },
  });
  return (
    <>
      <Form.Item
        name="phone"
        label={t('register:phone')}
        dependencies={['email']}
        normalize={(v: string | undefined) => v?.replace(/[\s-]/g, '')}
        rules={[{ pattern: MOBILE_PHONE_PATTERN, message: t('register:phoneInvalid') }, atLeastOne]}
      >
        <Input inputMode="tel" autoComplete="tel" placeholder={t('register:phonePlaceholder')} maxLength={11} />
      </Form.Item>
      <Form.Item
        name="email"
        label={t('register:email')}
        dependencies={['phone']}
        normalize={(v: string | undefined) => v?.trim()}
        rules={[{ pattern: EMAIL_PATTERN, message: t('register:emailInvalid') }, atLeastOne]}
      >
        <Input inputMode="email" autoComplete="email" placeholder={t('register:emailPlaceholder')} />
      </Form.Item>
    </>
  );
}

/** Drop empty optional strings so the API receives absent fields, not "". */
export function optionalString(value: string | null | undefined): string | undefined {
  const v = value?.trim();
  return v ? v : undefined;
}
