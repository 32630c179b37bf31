import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/hooks/use-language.js';
import { applyFieldErrors } from '../utils/apply-field-errors.js';
import { graphQLErrorMessage } from '../utils/graphql-errors.js';

/** Turns any API failure into a sentence in the UI language (the API's own message first). */
export function useApiError() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { domainKey } = useLanguage();
  const describe = useCallback(
    (error: unknown) =>
      graphQLErrorMessage(error, { network: t('errors.network'), generic: t('errors.generic') }, domainKey),
    [t, domainKey],
  );
  const show = useCallback((error: unknown) => void message.error(describe(error)), [describe, message]);
  /** Puts BAD_USER_INPUT field messages under the form's fields; false if none matched. */
  const showOnForm = useCallback(
    (form: FormInstance, error: unknown, fields: readonly string[], rename?: Record<string, string>) =>
      applyFieldErrors(form, error, fields, rename, domainKey),
    [domainKey],
  );
  return { describe, show, showOnForm };
}
