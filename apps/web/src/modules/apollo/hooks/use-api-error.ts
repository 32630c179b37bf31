import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { graphQLErrorMessage } from '../utils/graphql-errors.js';

/** Turns any API failure into a sentence (the API's own message first) and can toast it. */
export function useApiError() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const describe = useCallback(
    (error: unknown) => graphQLErrorMessage(error, { network: t('errors.network'), generic: t('errors.generic') }),
    [t],
  );
  const show = useCallback((error: unknown) => void message.error(describe(error)), [describe, message]);
  return { describe, show };
}
