import type { FormInstance } from 'antd';
import { graphQLFieldErrors } from './graphql-errors.js';

/**
 * Shows BAD_USER_INPUT `extensions.fields` messages under the matching form fields. Form field names
 * follow the API input names; `rename` maps the odd one out. Returns true when a field got a message.
 */
export function applyFieldErrors(
  form: FormInstance,
  error: unknown,
  formFields: readonly string[],
  rename: Record<string, string> = {},
  language?: 'zh' | 'en',
): boolean {
  const fields = Object.entries(graphQLFieldErrors(error, language))
    .map(([field, message]) => ({ name: rename[field] ?? field, errors: [message] }))
    .filter((f) => formFields.includes(f.name));
  if (fields.length === 0) return false;
  form.setFields(fields);
  return true;
}
