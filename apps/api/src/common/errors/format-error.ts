import type { GraphQLFormattedError } from 'graphql';
import { DEFAULT_REASON, ErrorCode } from './app-error.js';

const KNOWN = new Set<string>(Object.values(ErrorCode));
/** Apollo's own codes for a request that is not a valid GraphQL operation: all bad input. */
const APOLLO_INPUT_REASONS: Record<string, string> = {
  GRAPHQL_VALIDATION_FAILED: 'INVALID_QUERY',
  GRAPHQL_PARSE_FAILED: 'INVALID_QUERY',
  BAD_REQUEST: 'INVALID_REQUEST',
  PERSISTED_QUERY_NOT_FOUND: 'INVALID_REQUEST',
  PERSISTED_QUERY_NOT_SUPPORTED: 'INVALID_REQUEST',
  OPERATION_RESOLUTION_FAILURE: 'INVALID_QUERY',
};

/** True when an error reaching the client was not raised on purpose (it gets logged, then masked). */
export function isUnexpected(code: unknown): boolean {
  const c = String(code ?? '');
  return !(KNOWN.has(c) && c !== ErrorCode.INTERNAL_SERVER_ERROR) && !(c in APOLLO_INPUT_REASONS);
}

/**
 * Every error leaves with one of the stable codes, a stable reason and params. Query-shape errors
 * (parse, validation, variable coercion) are BAD_USER_INPUT; anything unexpected becomes
 * INTERNAL_SERVER_ERROR without internals (the request plugin has logged it with the request id).
 */
export function formatGraphQLError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = String(formatted.extensions?.code ?? '');
  if (!isUnexpected(code) && KNOWN.has(code)) {
    const { stacktrace: _s, originalError: _o, http: _h, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
    // Apollo's variable-coercion errors arrive as BAD_USER_INPUT without a reason.
    const reason = extensions.reason ?? (/^Variable "\$/.test(formatted.message) ? 'INVALID_VARIABLE' : DEFAULT_REASON[code as ErrorCode]);
    return { ...formatted, extensions: { ...extensions, code, reason, params: extensions.params ?? {} } };
  }
  if (code in APOLLO_INPUT_REASONS) {
    return {
      message: formatted.message,
      locations: formatted.locations,
      extensions: { code: ErrorCode.BAD_USER_INPUT, reason: APOLLO_INPUT_REASONS[code], params: {} },
    };
  }
  return {
    message: 'Internal server error',
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, reason: DEFAULT_REASON.INTERNAL_SERVER_ERROR, params: {} },
  };
}
