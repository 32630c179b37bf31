import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import { AppError, ErrorCode } from '../errors/app-error.js';

/** Root fields of a selection, following fragments (each alias is a field: 500 aliases are 500 mutations). */
function countRootFields(set: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, seen = new Set<string>()): number {
  let n = 0;
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) n += s.name.value === '__typename' ? 0 : 1;
    else if (s.kind === Kind.INLINE_FRAGMENT) n += countRootFields(s.selectionSet, fragments, seen);
    else if (!seen.has(s.name.value)) {
      seen.add(s.name.value);
      const f = fragments.get(s.name.value);
      if (f) n += countRootFields(f.selectionSet, fragments, seen);
    }
  }
  return n;
}

/**
 * Refuses a mutation operation with more than `max` root fields before anything runs, so one request
 * cannot create hundreds of accounts (or do hundreds of writes) behind one rate-limit check.
 */
export function mutationLimitPlugin(max: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document }) {
          if (operation?.operation !== 'mutation') return;
          const fragments = new Map<string, FragmentDefinitionNode>();
          for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
          const count = countRootFields(operation.selectionSet, fragments);
          if (count > max) {
            throw new AppError(ErrorCode.BAD_USER_INPUT, `Too many mutations in one request: ${count} > ${max}. Send them in separate requests.`, {
              reason: 'TOO_MANY_MUTATIONS',
              params: { count, max },
              http: { status: 400 },
            });
          }
        },
      };
    },
  };
}
