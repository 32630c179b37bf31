import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from 'pino';
import { isUnexpected } from './format-error.js';
import { safeError } from './safe-error.js';

interface WithRequestLog {
  req?: { log?: Pick<Logger, 'error'>; id?: unknown };
}

/**
 * Logs every unexpected GraphQL error once, through pino with the request id (pino-http's `req.log`),
 * without SQL parameters; `formatError` then masks it for the client.
 */
export function errorLoggingPlugin(fallback: Pick<Logger, 'error'>): ApolloServerPlugin<WithRequestLog> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          for (const error of errors) {
            if (!isUnexpected(error.extensions?.code)) continue;
            const log = contextValue?.req?.log ?? fallback;
            log.error({ err: safeError(error.originalError ?? error), path: error.path, operationName }, 'unexpected GraphQL error');
          }
        },
      };
    },
  };
}
