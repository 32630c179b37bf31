import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors } from '../utils/apply-field-errors.js';
import { graphQLErrorMessage, type ErrorWording } from '../utils/graphql-errors.js';

/** Turns any API failure into a sentence in the UI language, worded from its code, reason and params. */
export function useApiError() {
  const { i18n } = useTranslation();
  const { message } = App.useApp();
  const wording: ErrorWording = i18n;
  const describe = useCallback((error: unknown) => graphQLErrorMessage(error, wording), [wording, i18n.language]);
  const show = useCallback((error: unknown) => void message.error(describe(error)), [describe, message]);
  /** Puts field reasons, worded, under the form's fields; false if none matched. */
  const showOnForm = useCallback(
    (form: FormInstance, error: unknown, fields: readonly string[], rename?: Record<string, string>) =>
      applyFieldErrors(form, error, fields, rename, wording),
    [wording, i18n.language],
  );
  return { describe, show, showOnForm, wording };
}
