import { createHash } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Kind, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';

const MAX_ENTRIES = 1000;

/**
 * A short-lived store of anonymous answers to public list queries (e.g. `events`), keyed by the query
 * text, operation name and variables. Correctness:
 * - only requests without an Authorization header, and only operations whose every root field is in
 *   the allowed list (public data whose answer depends on nothing but the query and its variables);
 * - every mutation this instance runs empties it when it starts and when it ends, and an answer
 *   computed while a mutation ran is not kept (generation counter), so this instance's own writes show
 *   at once; writes by other instances and by jobs show within `ttlMs`;
 * - `Cache-Control: no-cache` from the client skips it for that request.
 * `ttlMs = 0` turns it off. See docs/performance.md ("The anonymous answer cache").
 */
export class PublicAnswerCache {
  private readonly answers = new Map<string, { json: string; expiresAt: number }>();
  generation = 0;

  constructor(readonly ttlMs: number) {}

  static keyOf(query: unknown, operationName: unknown, variables: unknown): string {
    return createHash('sha256').update(JSON.stringify([query ?? '', operationName ?? null, variables ?? {}])).digest('base64url');
  }

  get(key: string): string | null {
    const found = this.answers.get(key);
    return found && found.expiresAt > Date.now() ? found.json : null;
  }

  set(key: string, json: string): void {
    if (this.answers.size >= MAX_ENTRIES) this.answers.delete(this.answers.keys().next().value!);
    this.answers.set(key, { json, expiresAt: Date.now() + this.ttlMs });
  }

  invalidate(): void {
    this.generation++;
    this.answers.clear();
  }
}

const wantsFresh = (headers: Record<string, string | string[] | undefined>) => String(headers['cache-control'] ?? '').includes('no-cache');

function onlyAllowedRootFields(operation: OperationDefinitionNode, definitions: readonly { kind: string }[], allowed: ReadonlySet<string>): boolean {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set((d as FragmentDefinitionNode).name.value, d as FragmentDefinitionNode);
  const fields = new Set<string>();
  const walk = (set: OperationDefinitionNode['selectionSet'], seen: Set<string>) => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) fields.add(s.name.value);
      else if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet, seen);
      else if (!seen.has(s.name.value) && fragments.has(s.name.value)) walk(fragments.get(s.name.value)!.selectionSet, seen.add(s.name.value));
    }
  };
  walk(operation.selectionSet, new Set());
  fields.delete('__typename');
  return fields.size > 0 && [...fields].every((f) => allowed.has(f));
}

/** Fills the store with answers Apollo computed, and empties it on every mutation. */
export function publicQueryCachePlugin(fields: readonly string[], cache: PublicAnswerCache): ApolloServerPlugin<{ req: { headers: Record<string, string | string[] | undefined> } }> {
  const allowed = new Set(fields);
  return {
    async requestDidStart({ request, contextValue }) {
      if (cache.ttlMs <= 0) return;
      let key: string | null = null;
      let startedIn = cache.generation;
      return {
        async didResolveOperation({ operation, document }) {
          if (operation?.operation === 'mutation') return cache.invalidate();
          if (operation?.operation !== 'query' || contextValue.req.headers.authorization) return;
          if (!onlyAllowedRootFields(operation, document.definitions, allowed)) return;
          key = PublicAnswerCache.keyOf(request.query, request.operationName, request.variables);
          startedIn = cache.generation;
        },
        async willSendResponse({ response, operation }) {
          if (operation?.operation === 'mutation') return cache.invalidate();
          if (!key || startedIn !== cache.generation || response.body.kind !== 'single' || response.body.singleResult.errors?.length) return;
          // The same bytes Apollo sends (its JSON plus a newline).
          cache.set(key, `${JSON.stringify(response.body.singleResult)}\n`);
        },
      };
    },
  };
}

/**
 * Answers a stored anonymous query before Nest, Apollo and the resolvers run (a repeat costs a lookup,
 * not a GraphQL execution). Only JSON POSTs without a token; anything else goes on to Apollo.
 */
@Injectable()
export class PublicAnswerCacheMiddleware implements NestMiddleware {
  constructor(private readonly cache: PublicAnswerCache) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const body = req.body as { query?: unknown; operationName?: unknown; variables?: unknown } | undefined;
    if (this.cache.ttlMs <= 0 || req.method !== 'POST' || req.headers.authorization || wantsFresh(req.headers) || typeof body?.query !== 'string' || !req.is('application/json')) {
      return next();
    }
    const json = this.cache.get(PublicAnswerCache.keyOf(body.query, body.operationName, body.variables));
    if (json === null) return next();
    res.statusCode = 200;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.end(json);
  }
}
