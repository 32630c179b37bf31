import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable, Module, type MiddlewareConsumer, type NestMiddleware, type NestModule } from '@nestjs/common';
import type { Actor } from '../auth/actor.js';

/** What a request knows about itself; the actor is set later by the auth guard on the same request object. */
interface RequestLike {
  ip?: string;
  actor?: Actor;
  id?: unknown;
}

const storage = new AsyncLocalStorage<RequestLike>();

/** The current request's caller and address, for code that records what happened (domain events, audit). */
export const RequestContext = {
  ip(): string | null {
    return storage.getStore()?.ip ?? null;
  },
  actor(): Actor | null {
    return storage.getStore()?.actor ?? null;
  },
  requestId(): string | null {
    const id = storage.getStore()?.id;
    return id === undefined || id === null ? null : String(id);
  },
  /** Runs `fn` as if inside the given request (tests and jobs that act for someone). */
  run<T>(req: RequestLike, fn: () => T): T {
    return storage.run(req, fn);
  },
};

@Injectable()
class RequestContextMiddleware implements NestMiddleware {
  use(req: RequestLike, _res: unknown, next: () => void): void {
    storage.run(req, next);
  }
}

/** Keeps the request object reachable from services through AsyncLocalStorage. */
@Module({})
export class RequestContextModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestContextMiddleware).forRoutes('{*splat}');
  }
}
