import type { ApolloServerPlugin } from '@apollo/server';
import { getVariableValues, visit, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { AppError, ErrorCode, type ErrorParams } from '../errors/app-error.js';
import { MAX_PAGE_SIZE } from './pagination.js';

/** A request refused before it runs: BAD_USER_INPUT, answered with HTTP 400. */
function refused(reason: string, message: string, params: ErrorParams = {}): AppError {
  return new AppError(ErrorCode.BAD_USER_INPUT, message, { reason, params, http: { status: 400 } });
}

/** True when any string in a JSON value contains a NUL character (PostgreSQL text cannot hold one). */
function hasNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(hasNul);
  if (value && typeof value === 'object') return Object.entries(value).some(([k, v]) => k.includes('\u0000') || hasNul(v));
  return false;
}

/**
 * What is known of a parsed document whatever its variables: a NUL in a literal, and whether its cost can depend on
 * them (a variable inside a `take` argument). Apollo reuses one DocumentNode per query text (its document store),
 * so this is worked out once per query text, not on every request (the cost too when no `take` argument or
 * directive takes a variable).
 */
interface DocumentFacts {
  hasNul: boolean;
  costUsesVariables: boolean;
  /** Cost per operation name, when it does not depend on the variables. */
  cost: Map<string | null, number>;
}

const documentFacts = new WeakMap<DocumentNode, DocumentFacts>();

function factsOf(document: DocumentNode): DocumentFacts {
  let facts = documentFacts.get(document);
  if (!facts) {
    let hasNul = false;
    let costUsesVariables = false;
    visit(document, {
      StringValue: (node) => void (hasNul ||= node.value.includes('\u0000')),
      // `take: $n` multiplies a list's cost; `@include(if: $x)` / `@skip` decide which fields count.
      Argument: (node) => {
        if (node.name.value === 'take') visit(node.value, { Variable: () => void (costUsesVariables = true) });
      },
      Directive: (node) => void visit(node, { Variable: () => void (costUsesVariables = true) }),
    });
    facts = { hasNul, costUsesVariables, cost: new Map() };
    documentFacts.set(document, facts);
  }
  return facts;
}

/**
 * Guards every operation before it runs: a NUL character anywhere in the arguments is refused (no
 * text field accepts one), variables are coerced against their declared types first (a wrong type
 * or an Int out of range is bad input, not a crash in the cost estimate), and operations whose
 * estimated cost (1 per field, lists × take) exceeds the limit are refused.
 */
export function complexityLimitPlugin(schema: () => GraphQLSchema, max: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation }) {
          const facts = factsOf(document);
          if (facts.hasNul || hasNul(request.variables)) {
            throw refused('NUL_CHARACTER', 'Strings must not contain the NUL character (U+0000)');
          }
          const op = operation as OperationDefinitionNode;
          const coerced = getVariableValues(schema(), op.variableDefinitions ?? [], request.variables ?? {}, { maxErrors: 5 });
          if (coerced.errors) {
            const first = coerced.errors[0]!;
            const variable = op.variableDefinitions?.find((d) => first.message.includes(`"$${d.variable.name.value}"`))?.variable.name.value;
            throw refused('INVALID_VARIABLE', first.message, variable ? { variable } : {});
          }
          const opName = request.operationName ?? null;
          let complexity = facts.costUsesVariables ? undefined : facts.cost.get(opName);
          if (complexity === undefined) try {
            complexity = getComplexity({
              schema: schema(),
              operationName: request.operationName ?? undefined,
              query: document,
              // Raw values: the estimate coerces them itself (now known to coerce cleanly).
              variables: request.variables ?? {},
              estimators: [
                fieldExtensionsEstimator(),
                ({ args, childComplexity }) => // Oversized `take` is refused by validation with a clearer message, so cost it at the cap.
                (typeof args.take === 'number' ? Math.min(Math.max(args.take, 0), MAX_PAGE_SIZE) * Math.max(childComplexity, 1) : undefined),
                simpleEstimator({ defaultComplexity: 1 }),
              ],
            });
            if (!facts.costUsesVariables) facts.cost.set(opName, complexity);
          } catch (error) {
            // The estimate coerces arguments itself; whatever it cannot read is a malformed operation.
            throw refused('INVALID_QUERY', (error as Error).message);
          }
          if (complexity > max) {
            throw refused('QUERY_TOO_COMPLEX', `Query is too complex: ${complexity} > ${max}. Ask for fewer fields or smaller pages.`, { complexity, max });
          }
        },
      };
    },
  };
}

