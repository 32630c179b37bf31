import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { forbidden, unauthenticated } from '../errors/app-error.js';
import { ALLOW_KEY } from '../permissions/allow.decorator.js';
import type { Action } from '../permissions/permission.types.js';
import { Permissions } from '../permissions/permissions.service.js';
import { AccessTokenVerifier } from './access-token-verifier.js';
import { ACTOR_IN_TRANSACTION_KEY, PendingActor } from './actor-in-transaction.js';
import { PASSWORD_CHANGE_EXEMPT_KEY, PUBLIC_KEY, requestOf } from './decorators.js';

/**
 * Global guard: resolves the bearer token to an Actor (re-read from the database so disabled
 * accounts and changed roles take effect at once), requires one unless @Public, and checks an
 * @Allow action through the permission table.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenVerifier,
    private readonly permissions: Permissions,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const type = context.getType<string>();
    if (type !== 'graphql' && type !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) ?? false;
    const action = this.reflector.getAllAndOverride<Action | undefined>(ALLOW_KEY, targets);
    const req = requestOf(context) as ReturnType<typeof requestOf> & { pendingActor?: PendingActor };
    // A handler that reads the account inside its own transaction: the token is checked here, the account there.
    if (req.actor === undefined && !isPublic && !action && this.reflector.getAllAndOverride<boolean>(ACTOR_IN_TRANSACTION_KEY, targets)) {
      const header = req.headers?.authorization ?? '';
      const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
      if (!token) throw unauthenticated();
      const userId = await this.tokens.accessTokenUserId(token);
      if (!userId) throw unauthenticated({ reason: 'SESSION_EXPIRED', message: 'Your session has expired, please sign in again' });
      req.pendingActor = new PendingActor(userId, req);
      return true;
    }
    if (req.actor === undefined) {
      const header = req.headers?.authorization ?? '';
      const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
      if (token) {
        const actor = await this.tokens.actorForAccessToken(token);
        if (!actor && !isPublic) throw unauthenticated({ reason: 'SESSION_EXPIRED', message: 'Your session has expired, please sign in again' });
        if (actor) req.actor = actor;
      }
    }
    if (!isPublic && !req.actor) throw unauthenticated();
    if (!isPublic && req.actor?.mustChangePassword && !this.reflector.getAllAndOverride<boolean>(PASSWORD_CHANGE_EXEMPT_KEY, targets)) {
      throw forbidden({ reason: 'PASSWORD_CHANGE_REQUIRED', message: 'Change the initial password before going on' });
    }
    if (action) this.permissions.require(req.actor, action as never);
    return true;
  }
}
