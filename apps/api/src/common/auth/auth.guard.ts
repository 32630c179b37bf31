import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@leye/domain';
import { forbidden, unauthenticated } from '../errors/app-error.js';
import { TokenService } from '../../modules/auth/token.service.js';
import { PUBLIC_KEY, ROLES_KEY, requestOf } from './decorators.js';

/**
 * Global guard: resolves the bearer token to an Actor (re-read from the database so disabled
 * accounts and changed roles take effect at once), then enforces @Public and @Roles.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const type = context.getType<string>();
    if (type !== 'graphql' && type !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) ?? false;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    const req = requestOf(context);
    if (req.actor === undefined) {
      const header = req.headers?.authorization ?? '';
      const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
      if (token) {
        const actor = await this.tokens.actorForAccessToken(token);
        if (!actor && !isPublic) throw unauthenticated({ reason: 'SESSION_EXPIRED', message: 'Your session has expired, please sign in again' });
        if (actor) req.actor = actor;
      }
    }
    if (isPublic) return true;
    if (!req.actor) throw unauthenticated();
    if (roles && !roles.includes(req.actor.role)) throw forbidden();
    return true;
  }
}
