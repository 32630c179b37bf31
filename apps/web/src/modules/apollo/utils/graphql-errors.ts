/**
 * Reading the API's typed errors (extensions.code, and extensions.fields for BAD_USER_INPUT)
 * from whatever Apollo hands us: CombinedGraphQLErrors, a raw response body, or a network error.
 */
export type ApiErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'TOO_MANY_REQUESTS';

interface FormattedError {
  message?: unknown;
  extensions?: { code?: unknown; fields?: unknown } | null;
}

function errorList(error: unknown): FormattedError[] {
  if (error && typeof error === 'object' && 'errors' in error && Array.isArray(error.errors)) {
    return error.errors.filter((e): e is FormattedError => !!e && typeof e === 'object');
  }
  return [];
}

export function graphQLErrorCode(error: unknown): string | null {
  for (const e of errorList(error)) {
    if (typeof e.extensions?.code === 'string') return e.extensions.code;
  }
  return null;
}

export function hasErrorCode(error: unknown, code: ApiErrorCode): boolean {
  return errorList(error).some((e) => e.extensions?.code === code);
}

/** `{ field: message }` from every BAD_USER_INPUT error; empty when none names a field. */
export function graphQLFieldErrors(error: unknown, language?: 'zh' | 'en'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errorList(error)) {
    const fields = e.extensions?.fields;
    if (!fields || typeof fields !== 'object') continue;
    for (const [field, message] of Object.entries(fields)) {
      const text = typeof message === 'string' ? message : Array.isArray(message) ? message[0] : undefined;
      if (typeof text === 'string') out[field] = language ? pickMessageLanguage(text, language) : text;
    }
  }
  return out;
}

const CJK = /[\u3400-\u9fff]/;
/** The English half starts in Latin script; it may still quote a Chinese name (an event title). */
const LATIN_START = /^[\s"'“([]*[A-Za-z0-9]/;

/**
 * The API writes many messages as "中文 / English". Show the half in the UI language; anything
 * else is shown as it came.
 */
export function pickMessageLanguage(message: string, language: 'zh' | 'en'): string {
  const parts = message.split(' / ');
  if (parts.length !== 2) return message;
  const [zh, en] = parts as [string, string];
  if (!CJK.test(zh) || !LATIN_START.test(en)) return message;
  return (language === 'en' ? en : zh).trim();
}

/**
 * A sentence to show the user: the API's own message for GraphQL errors (it is written for people),
 * otherwise the caller's fallback for network trouble.
 */
export function graphQLErrorMessage(
  error: unknown,
  fallback: { network: string; generic: string },
  language?: 'zh' | 'en',
): string {
  const messages = errorList(error)
    .map((e) => (typeof e.message === 'string' ? e.message.trim() : ''))
    .map((m) => (language ? pickMessageLanguage(m, language) : m))
    .filter(Boolean);
  if (messages.length > 0) return [...new Set(messages)].join('；');
  if (error && typeof error === 'object' && 'name' in error) {
    const name = String(error.name);
    if (name === 'TypeError' || name === 'ServerError' || name === 'ServerParseError') return fallback.network;
  }
  return fallback.generic;
}
