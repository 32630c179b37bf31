import type { FormInstance } from 'antd';
import { graphQLFieldErrors, type ErrorWording } from './graphql-errors.js';

/**
 * Shows the field reasons of an API error, worded in the UI language, under the matching form
 * fields. Form field names follow the API input names; `rename` maps the odd one out. Returns true
 * when a field got a message.
 */
export function applyFieldErrors(
  form: FormInstance,
  error: unknown,
  formFields: readonly string[],
  rename: Record<string, string> = {},
  wording?: ErrorWording,
): boolean {
  const fields = Object.entries(graphQLFieldErrors(error, wording))
    .map(([field, message]) => ({ name: rename[field] ?? field, errors: [message] }))
    .filter((f) => formFields.includes(f.name));
  if (fields.length === 0) return false;
  form.setFields(fields);
  return true;
}
