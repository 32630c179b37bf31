import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { AppError, ErrorCode } from '../errors/app-error.js';
import { MAX_PAGE_SIZE } from './pagination.js';

/** Refuses operations whose estimated cost (1 per field, lists × take) exceeds the limit. */
export function complexityLimitPlugin(schema: () => GraphQLSchema, max: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const complexity = getComplexity({
            schema: schema(),
            operationName: request.operationName ?? undefined,
            query: document,
            variables: request.variables ?? {},
            estimators: [
              fieldExtensionsEstimator(),
              ({ args, childComplexity }) => // Oversized `take` is refused by validation with a clearer message, so cost it at the cap.
              (typeof args.take === 'number' ? Math.min(args.take, MAX_PAGE_SIZE) * Math.max(childComplexity, 1) : undefined),
              simpleEstimator({ defaultComplexity: 1 }),
            ],
          });
          if (complexity > max) {
            throw new AppError(ErrorCode.BAD_USER_INPUT, `Query is too complex: ${complexity} > ${max}. Ask for fewer fields or smaller pages.`);
          }
        },
      };
    },
  };
}
