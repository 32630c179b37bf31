import { CREDIT_CODE_MESSAGES } from '@leye/domain';
import { Alert, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/hooks/use-language.js';
import { creditCodeProblem, creditCodeRegionHint, normalizeCreditCodeInput } from '../utils/credit-code-feedback.js';

/** Unified social credit code, checked live by the same rule the API applies (@leye/domain). */
export function CreditCodeFormItem({ name = 'creditCode' }: { name?: string }) {
  const { t } = useTranslation(['core', 'employers', 'register']);
  const { domainKey } = useLanguage();
  const check = (typing: boolean) => async (_: unknown, value: string | undefined) => {
    if (!value) return;
    const problem = creditCodeProblem(value, { typing });
    if (problem) throw new Error(CREDIT_CODE_MESSAGES[problem][domainKey]);
  };
  return (
    <Form.Item
      name={name}
      label={t('register:creditCode')}
      normalize={normalizeCreditCodeInput}
      validateTrigger={['onChange', 'onBlur']}
      hasFeedback
      rules={[
        { required: true, message: t('register:creditCodeRequired') },
        { validator: check(true), validateTrigger: 'onChange' },
        { validator: check(false), validateTrigger: 'onBlur' },
      ]}
    >
      <Input
        placeholder={t('register:creditCodePlaceholder')}
        maxLength={60}
        autoComplete="off"
        spellCheck={false}
        style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', letterSpacing: 1 }}
        data-testid="credit-code-input"
      />
    </Form.Item>
  );
}

/** Under the region select: warns when the code's division digits (3–8) name another district or a place outside Linyi. */
export function CreditCodeRegionHint({ codeField = 'creditCode', regionField = 'regionCode' }: { codeField?: string; regionField?: string }) {
  const { t } = useTranslation(['core', 'employers', 'register']);
  const form = Form.useFormInstance();
  const code = Form.useWatch<string | undefined>(codeField, form);
  const region = Form.useWatch<string | undefined>(regionField, form);
  const mismatch = creditCodeRegionHint(code, region);
  if (!mismatch) return null;
  return <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t(`employers:mismatch.${mismatch}`)} data-testid="credit-code-region-hint" />;
}
