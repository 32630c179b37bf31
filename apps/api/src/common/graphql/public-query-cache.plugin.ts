import { createHash } from 'node:crypto';
import type { ApolloServerPlugin, GraphQLResponse } from '@apollo/server';
import { Kind, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

interface CachedAnswer {
  result: Record<string, unknown>;
  expiresAt: number;
}

interface CacheableContext {
  req: { headers: Record<string, string | string[] | undefined> };
}

const MAX_ENTRIES = 1000;

function rootFields(set: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, out: Set<string>): void {
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) out.add(s.name.value);
    else if (s.kind === Kind.INLINE_FRAGMENT) rootFields(s.selectionSet, fragments, out);
    else {
      const f = fragments.get(s.name.value);
      if (f) rootFields(f.selectionSet, fragments, out);
    }
  }
}

function onlyCacheableFields(operation: OperationDefinitionNode, definitions: readonly unknown[], allowed: ReadonlySet<string>): boolean {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of definitions as Array<{ kind: string }>) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set((d as FragmentDefinitionNode).name.value, d as FragmentDefinitionNode);
  const fields = new Set<string>();
  rootFields(operation.selectionSet, fragments, fields);
  fields.delete('__typename');
  return fields.size > 0 && [...fields].every((f) => allowed.has(f));
}

/**
 * A short-lived answer cache for anonymous queries of public lists (e.g. `events`): the same query with
 * the same variables, without a token, is answered from memory for `ttlMs`. Correctness:
 * - only requests without an Authorization header, and only when every root field is in `fields`
 *   (public data whose answer depends on nothing but the query and its variables);
 * - every mutation this instance runs empties the cache when it starts and when it ends, and an answer
 *   computed while a mutation ran is not kept (a generation counter), so this instance's own writes
 *   show at once; writes by other instances and by jobs show within `ttlMs`;
 * - `Cache-Control: no-cache` from the client skips the cache for that request.
 * `ttlMs = 0` turns it off. See docs/performance.md.
 */
export function publicQueryCachePlugin(fields: readonly string[], ttlMs: number): ApolloServerPlugin<CacheableContext> {
  const allowed = new Set(fields);
  const cache = new Map<string, CachedAnswer>();
  let generation = 0;
  const invalidate = () => {
    generation++;
    cache.clear();
  };
  return {
    async requestDidStart({ request, contextValue }) {
      if (ttlMs <= 0) return;
      let key: string | null = null;
      let startedIn = generation;
      let hit = false;
      return {
        async didResolveOperation({ operation, document }) {
          if (operation?.operation === 'mutation') {
            invalidate();
            return;
          }
          if (operation?.operation !== 'query' || contextValue.req.headers.authorization) return;
          if (!onlyCacheableFields(operation, document.definitions, allowed)) return;
          key = createHash('sha256')
            .update(JSON.stringify([request.query ?? '', request.operationName ?? null, request.variables ?? {}]))
            .digest('base64url');
          startedIn = generation;
        },
        async responseForOperation(): Promise<GraphQLResponse | null> {
          if (!key) return null;
          const noCache = String(contextValue.req.headers['cache-control'] ?? '').includes('no-cache');
          const found = noCache ? undefined : cache.get(key);
          if (!found || found.expiresAt <= Date.now()) return null;
          hit = true;
          return { body: { kind: 'single', singleResult: found.result }, http: { status: undefined, headers: new Map() } } as unknown as GraphQLResponse;
        },
        async willSendResponse({ response, operation }) {
          if (operation?.operation === 'mutation') {
            invalidate();
            return;
          }
          if (!key || hit || startedIn !== generation || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (result.errors?.length) return;
          if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
          cache.set(key, { result: result as Record<string, unknown>, expiresAt: Date.now() + ttlMs });
        },
      };
    },
  };
}
