import { GraphQLError } from 'graphql';

/** The stable error codes every client can rely on (extensions.code). */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/** Values the client puts into its wording of a reason (names, limits, dates); never prose. */
export type ErrorParams = Record<string, string | number | boolean | null | Record<string, unknown>>;

export interface ErrorDetails {
  /** Stable UPPER_SNAKE reason the client words, e.g. EVENT_NOT_FOUND, VENUE_CLASH. */
  reason?: string;
  params?: ErrorParams;
  /** Form field → reason code (e.g. `{ phone: 'INVALID_PHONE' }`), for BAD_USER_INPUT and CONFLICT. */
  fields?: Record<string, string>;
  /** Plain English for developers; defaults to the reason in words. */
  message?: string;
}

/** The reason an error gets when its thrower names none. */
export const DEFAULT_REASON: Record<ErrorCode, string> = {
  BAD_USER_INPUT: 'INVALID_INPUT',
  UNAUTHENTICATED: 'SIGN_IN_REQUIRED',
  FORBIDDEN: 'NOT_ALLOWED',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_ERROR',
};

const REASON = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;
export const isReasonCode = (s: unknown): boolean => typeof s === 'string' && REASON.test(s);

/** EVENT_NOT_FOUND → "Event not found": a developer-readable default message. */
const words = (reason: string) => reason.charAt(0) + reason.slice(1).toLowerCase().replace(/_/g, ' ');

/**
 * Base of every feature exception: a GraphQL error with a stable `code`, a stable `reason`, the
 * `params` a client needs to word it in the user's language, and for forms `fields` (field → reason).
 * `message` is plain English for developers and logs; clients do not show it.
 */
export class AppError extends GraphQLError {
  readonly reason: string;

  constructor(
    readonly code: ErrorCode,
    message: string | undefined,
    details: ErrorDetails & { [key: string]: unknown } = {},
  ) {
    const { reason = DEFAULT_REASON[code], params = {}, fields, message: _m, ...rest } = details;
    super(message ?? details.message ?? words(reason), { extensions: { code, reason, params, ...(fields ? { fields } : {}), ...rest } });
    this.reason = reason;
  }
}

/**
 * Each helper takes either a plain English message (reason: the code's default), a reason code
 * (UPPER_SNAKE; the message is derived), or the full details.
 */
type Spec = string | ErrorDetails;
/** Details plus any extra extensions a caller adds (e.g. `clashingEvent`). */
type Extra = ErrorDetails & { [key: string]: unknown };
function build(code: ErrorCode, spec: Spec | undefined, extra: Extra = {}): AppError {
  const details: ErrorDetails = typeof spec === 'string' ? (isReasonCode(spec) ? { reason: spec } : { message: spec }) : { ...spec };
  const merged: Extra = { ...details, ...extra, params: { ...details.params, ...extra.params } };
  if (extra.fields || details.fields) merged.fields = { ...details.fields, ...extra.fields };
  return new AppError(code, merged.message, merged);
}

export const badInput = (spec: Spec, fields?: Record<string, string>) => build(ErrorCode.BAD_USER_INPUT, spec, fields ? { fields } : {});
export const unauthenticated = (spec?: Spec) => build(ErrorCode.UNAUTHENTICATED, spec ?? 'SIGN_IN_REQUIRED');
export const forbidden = (spec?: Spec) => build(ErrorCode.FORBIDDEN, spec ?? 'NOT_ALLOWED');
export const conflict = (spec: Spec, extra: Extra = {}) => build(ErrorCode.CONFLICT, spec, extra);
export const tooManyRequests = (spec: Spec, extra: Extra = {}) => build(ErrorCode.TOO_MANY_REQUESTS, spec, extra);
export const serviceUnavailable = (spec: Spec = 'DATABASE_UNAVAILABLE') => build(ErrorCode.SERVICE_UNAVAILABLE, spec);

/**
 * `notFound('Event')` → reason EVENT_NOT_FOUND, message "Event not found", params.resource "Event".
 * A reason code (`notFound('EVENT_SERIES_NOT_FOUND')`) is taken as it is.
 */
export function notFound(what: string, params: ErrorParams = {}): AppError {
  if (isReasonCode(what)) return new AppError(ErrorCode.NOT_FOUND, undefined, { reason: what, params });
  const name = what.trim();
  const reason = `${name.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, '').toUpperCase() || 'RECORD'}_NOT_FOUND`;
  return new AppError(ErrorCode.NOT_FOUND, `${name} not found`, { reason, params: { resource: name, ...params } });
}

/** PostgreSQL unique violation (23505) → the constraint's name, so services can say what clashed. */
export function uniqueViolation(error: unknown): string | null {
  const e = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = e.driverError?.code ?? e.code;
  return code === '23505' ? (e.driverError?.constraint ?? e.constraint ?? 'unique') : null;
}

/** Connection-level PostgreSQL failures: the database is down, restarting or out of reach. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let e = error as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown; originalError?: unknown } | undefined;
  while (e && typeof e === 'object' && !seen.has(e)) {
    seen.add(e);
    const code = typeof e.code === 'string' ? e.code : '';
    const message = typeof e.message === 'string' ? e.message : '';
    if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE', '57P01', '57P02', '57P03', '53300', '3D000'].includes(code)) return true;
    if (/^08[0-9A-Z]{3}$/.test(code)) return true;
    // TypeORM releases a transaction's query runner when its connection breaks (PostgreSQL restarted under it):
    // the next statement of that transaction then fails with this error instead of the connection's own. The
    // transaction did not commit, so the request is safe to retry (seen in test/faults.e2e-spec.ts; the booth
    // rush's transactions meet the second name).
    const name = (e as { name?: unknown }).name;
    if (name === 'QueryRunnerProviderAlreadyReleasedError' || name === 'QueryRunnerAlreadyReleasedError') return true;
    if (/timeout exceeded when trying to connect|Connection terminated|connection to the server|the database system is (starting up|shutting down)|Client has encountered a connection error|Cannot use a pool after calling end/i.test(message)) return true;
    e = (e.driverError ?? e.originalError ?? e.cause) as typeof e;
  }
  return false;
}
