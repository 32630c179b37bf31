import { createHash } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import { Global, Injectable, Module, Optional, type DynamicModule, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Kind, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { AccessTokenVerifier } from '../auth/access-token-verifier.js';

const MAX_ENTRIES = 1000;

/**
 * A short-lived store of answers, keyed by the query text, operation name and variables: anonymous answers to public
 * list queries (e.g. `events`) for `ttlMs`, and a signed-in caller's own answers to a few read-heavy queries (the quota
 * dashboard, which organizers keep open) for `callerTtlMs`, keyed by the caller's user id too. Correctness:
 * - anonymous: only requests without an Authorization header, and only operations whose every root field is in
 *   the allowed list (public data whose answer depends on nothing but the query and its variables);
 * - signed in: only operations whose every root field is in the callers' list (answers that depend on nothing but
 *   the query, its variables and who asks), stored under the id of the account the auth guard verified and served to
 *   a token of that account (its signature and expiry checked, no database read): an account disabled or signed out
 *   meanwhile sees its own answer for at most `callerTtlMs` more;
 * - every mutation this instance runs empties it when it starts and when it ends, and an answer
 *   computed while a mutation ran is not kept (generation counter), so this instance's own writes show
 *   at once; writes by other instances and by jobs show within `ttlMs`;
 * - `Cache-Control: no-cache` from the client skips it for that request.
 * `ttlMs = 0` turns it off. See docs/performance.md ("The anonymous answer cache").
 */
export class PublicAnswerCache {
  private readonly answers = new Map<string, { json: string; expiresAt: number }>();
  generation = 0;

  constructor(
    readonly ttlMs: number,
    readonly callerTtlMs = 0,
    /** The root fields whose signed-in answers are kept (every root field of the operation must be one). */
    readonly callerFields: readonly string[] = [],
  ) {}

  static keyOf(query: unknown, operationName: unknown, variables: unknown, callerId: string | null = null): string {
    return createHash('sha256').update(JSON.stringify([query ?? '', operationName ?? null, variables ?? {}, callerId])).digest('base64url');
  }

  get(key: string): string | null {
    const found = this.answers.get(key);
    return found && found.expiresAt > Date.now() ? found.json : null;
  }

  set(key: string, json: string, ttlMs = this.ttlMs): void {
    if (this.answers.size >= MAX_ENTRIES) this.answers.delete(this.answers.keys().next().value!);
    this.answers.set(key, { json, expiresAt: Date.now() + ttlMs });
  }

  invalidate(): void {
    this.generation++;
    this.answers.clear();
  }
}

/** Makes the one answer cache injectable everywhere (a feature's own cache forgets the answers built on it). */
@Global()
@Module({})
export class AnswerCacheModule {
  static forRoot(cache: PublicAnswerCache): DynamicModule {
    return { module: AnswerCacheModule, providers: [{ provide: PublicAnswerCache, useValue: cache }], exports: [PublicAnswerCache] };
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

/**
 * Fills the store with answers Apollo computed — anonymous ones of `fields`, signed-in callers' own ones of the
 * cache's `callerFields` — and empties it on every mutation.
 */
export function publicQueryCachePlugin(
  fields: readonly string[],
  cache: PublicAnswerCache,
): ApolloServerPlugin<{ req: { headers: Record<string, string | string[] | undefined>; actor?: { id: string } | null } }> {
  const allowed = new Set(fields);
  const allowedForCallers = new Set(cache.callerFields);
  return {
    async requestDidStart({ request, contextValue }) {
      if (cache.ttlMs <= 0 && cache.callerTtlMs <= 0) return;
      let kind: 'anonymous' | 'caller' | null = null;
      let startedIn = cache.generation;
      return {
        async didResolveOperation({ operation, document }) {
          if (operation?.operation === 'mutation') return cache.invalidate();
          if (operation?.operation !== 'query') return;
          const signedIn = Boolean(contextValue.req.headers.authorization);
          if (!signedIn && cache.ttlMs > 0 && onlyAllowedRootFields(operation, document.definitions, allowed)) kind = 'anonymous';
          else if (signedIn && cache.callerTtlMs > 0 && onlyAllowedRootFields(operation, document.definitions, allowedForCallers)) kind = 'caller';
          startedIn = cache.generation;
        },
        async willSendResponse({ response, operation }) {
          if (operation?.operation === 'mutation') return cache.invalidate();
          if (!kind || startedIn !== cache.generation || response.body.kind !== 'single' || response.body.singleResult.errors?.length) return;
          // The account the auth guard verified for this request (none: nothing is stored).
          const callerId = kind === 'caller' ? contextValue.req.actor?.id : null;
          if (kind === 'caller' && !callerId) return;
          const key = PublicAnswerCache.keyOf(request.query, request.operationName, request.variables, callerId ?? null);
          // The same bytes Apollo sends (its JSON plus a newline).
          cache.set(key, `${JSON.stringify(response.body.singleResult)}\n`, kind === 'caller' ? cache.callerTtlMs : cache.ttlMs);
        },
      };
    },
  };
}

/**
 * Answers a stored query before Nest, Apollo and the resolvers run (a repeat costs a lookup, not a GraphQL
 * execution): anonymous JSON POSTs, and signed-in ones under the id in their bearer token (signature and expiry
 * checked, no database read). Anything else goes on to Apollo.
 */
@Injectable()
export class PublicAnswerCacheMiddleware implements NestMiddleware {
  constructor(
    private readonly cache: PublicAnswerCache,
    @Optional() private readonly tokens?: AccessTokenVerifier,
  ) {}

  async use(req: Request, res: Response, next: NextFunction): Promise<void> {
    const body = req.body as { query?: unknown; operationName?: unknown; variables?: unknown } | undefined;
    if (req.method !== 'POST' || wantsFresh(req.headers) || typeof body?.query !== 'string' || !req.is('application/json')) return next();
    const query = body.query;
    const header = req.headers.authorization;
    let callerId: string | null = null;
    if (header) {
      // Most signed-in requests cannot have a stored answer: only those naming a callers' field verify the token here.
      if (this.cache.callerTtlMs <= 0 || !this.tokens || !header.startsWith('Bearer ') || !this.cache.callerFields.some((f) => query.includes(f))) return next();
      callerId = await this.tokens.accessTokenUserId(header.slice(7).trim()).catch(() => null);
      if (!callerId) return next();
    } else if (this.cache.ttlMs <= 0) {
      return next();
    }
    const json = this.cache.get(PublicAnswerCache.keyOf(query, body.operationName, body.variables, callerId));
    if (json === null) return next();
    res.statusCode = 200;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.end(json);
  }
}
