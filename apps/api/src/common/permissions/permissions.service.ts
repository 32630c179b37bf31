import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor.js';
import { forbidden, unauthenticated } from '../errors/app-error.js';
import { PermissionRegistry } from './permission-registry.js';
import type { Action, ResourceArg } from './permission.types.js';

/**
 * The one authorisation call: `require(actor, action, resource)`. Resolvers, the auth guard (for
 * `@Allow`) and socket handlers all go through it; `can` answers the same rule as a boolean
 * (for `viewerCan` fields and for hiding what a caller may not read).
 */
@Injectable()
export class Permissions {
  constructor(private readonly registry: PermissionRegistry) {}

  can<A extends Action>(actor: Actor | undefined, action: A, ...[resource]: ResourceArg<A>): boolean {
    return this.registry.rule(action)(actor, resource as never);
  }

  /** Throws UNAUTHENTICATED for an anonymous caller, FORBIDDEN for a signed-in one. */
  require<A extends Action>(actor: Actor | undefined, action: A, ...resource: ResourceArg<A>): asserts actor is Actor {
    if (this.can(actor, action, ...resource)) return;
    throw actor ? forbidden() : unauthenticated();
  }
}
