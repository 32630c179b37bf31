import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from './app-error.js';

const KNOWN = new Set<string>(Object.values(ErrorCode));
const APOLLO_INPUT_CODES = new Set(['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND']);

/**
 * Every error leaves with one of the stable codes. Query-shape errors are BAD_USER_INPUT; anything
 * unexpected becomes INTERNAL_SERVER_ERROR without internals (it is logged server-side).
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, _error: unknown, log?: (e: unknown) => void): GraphQLFormattedError {
  const code = String(formatted.extensions?.code ?? '');
  if (KNOWN.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
    const { stacktrace: _s, originalError: _o, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
    return { ...formatted, extensions };
  }
  if (APOLLO_INPUT_CODES.has(code)) {
    return { message: formatted.message, locations: formatted.locations, extensions: { code: ErrorCode.BAD_USER_INPUT } };
  }
  log?.(_error);
  return {
    message: '服务器内部错误，请稍后再试 / Internal server error, please try again later',
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}
