/**
 * Reading the API's typed errors — `extensions.code` (stable class), `extensions.reason` (stable
 * UPPER_SNAKE cause), `extensions.params` (values to word it with) and `extensions.fields` (form field
 * → reason code) — from whatever Apollo hands us (CombinedGraphQLErrors, a raw response body, a
 * network error), and wording them in the UI language through i18next (`errors.reasons.*`,
 * `errors.fields.*`). The API's `message` is English for developers and is never shown.
 */
export type ApiErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'TOO_MANY_REQUESTS'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

export interface ApiError {
  code: string | null;
  reason: string | null;
  params: Record<string, unknown>;
  fields: Record<string, string>;
}

/** The part of i18next used to word errors (an `i18n` instance fits; its `t` follows the current language). */
export interface ErrorWording {
  t: (key: string, options?: Record<string, unknown>) => string;
  exists: (key: string, options?: Record<string, unknown>) => boolean;
}

interface FormattedError {
  message?: unknown;
  extensions?: { code?: unknown; reason?: unknown; params?: unknown; fields?: unknown } | null;
}

function errorList(error: unknown): FormattedError[] {
  if (error && typeof error === 'object' && 'errors' in error && Array.isArray(error.errors)) {
    return error.errors.filter((e): e is FormattedError => !!e && typeof e === 'object');
  }
  return [];
}

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** Every API error in the failure, normalised. */
export function apiErrors(error: unknown): ApiError[] {
  return errorList(error).map((e) => {
    const x = e.extensions ?? {};
    const fields: Record<string, string> = {};
    if (isRecord(x.fields)) {
      for (const [field, value] of Object.entries(x.fields)) {
        const reason = typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : null;
        if (reason) fields[field] = reason;
      }
    }
    return {
      code: typeof x.code === 'string' ? x.code : null,
      reason: typeof x.reason === 'string' ? x.reason : null,
      params: isRecord(x.params) ? x.params : {},
      fields,
    };
  });
}

export function graphQLErrorCode(error: unknown): string | null {
  return apiErrors(error).find((e) => e.code)?.code ?? null;
}

export function hasErrorCode(error: unknown, code: ApiErrorCode): boolean {
  return apiErrors(error).some((e) => e.code === code);
}

export function hasErrorReason(error: unknown, reason: string): boolean {
  return apiErrors(error).some((e) => e.reason === reason);
}

/** Params safe to interpolate: scalars only (nested objects such as `params.fields` are not words). */
function scalars(params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v === null || ['string', 'number', 'boolean'].includes(typeof v)));
}

/** One error in words: its reason if the UI knows it, else its code, else the generic sentence. */
export function describeApiError(e: ApiError, wording: ErrorWording): string {
  const params = scalars(e.params);
  if (e.reason && wording.exists(`errors.reasons.${e.reason}`)) {
    // A reason may have a variant for when a param is there (e.g. the clashing event's title).
    const context = typeof params.title === 'string' && params.title ? 'title' : undefined;
    return wording.t(`errors.reasons.${e.reason}`, { ...params, context });
  }
  if (e.code && wording.exists(`errors.${e.code}`)) return wording.t(`errors.${e.code}`);
  return wording.t('errors.generic');
}

/** A field's reason in words, with its limits (`params.fields[field]`, e.g. `{ limit: 200 }`). */
export function describeFieldReason(reason: string, params: Record<string, unknown>, wording: ErrorWording): string {
  if (wording.exists(`errors.fields.${reason}`)) return wording.t(`errors.fields.${reason}`, params);
  if (wording.exists(`errors.reasons.${reason}`)) return wording.t(`errors.reasons.${reason}`, params);
  return wording.t('errors.fields.INVALID_VALUE');
}

/**
 * `{ field: text }` from every error that names form fields. With a wording the text is in the UI
 * language; without one it is the reason code (for code that only needs to know which fields).
 */
export function graphQLFieldErrors(error: unknown, wording?: ErrorWording): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of apiErrors(error)) {
    const perField = isRecord(e.params.fields) ? e.params.fields : {};
    for (const [field, reason] of Object.entries(e.fields)) {
      const params = isRecord(perField[field]) ? scalars(perField[field] as Record<string, unknown>) : {};
      out[field] = wording ? describeFieldReason(reason, params, wording) : reason;
    }
  }
  return out;
}

/** A sentence to show the user, in the UI language; the network fallback for transport failures. */
export function graphQLErrorMessage(error: unknown, wording: ErrorWording): string {
  const messages = apiErrors(error).map((e) => describeApiError(e, wording));
  if (messages.length > 0) return [...new Set(messages)].join(wording.t('errors.separator'));
  if (error && typeof error === 'object' && 'name' in error) {
    const name = String(error.name);
    if (name === 'TypeError' || name === 'ServerError' || name === 'ServerParseError') return wording.t('errors.network');
  }
  return wording.t('errors.generic');
}
