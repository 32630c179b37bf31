import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Actor } from './actor.js';

export const PUBLIC_KEY = 'leye:public';

/** Open to anonymous callers (registration, login, public listings). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

export const PASSWORD_CHANGE_EXEMPT_KEY = 'leye:password-change-exempt';

/** Still allowed while the account must change its password (reading `me`, changing the password). */
export const AllowedBeforePasswordChange = () => SetMetadata(PASSWORD_CHANGE_EXEMPT_KEY, true);

export function requestOf(context: ExecutionContext): { headers: Record<string, string | undefined>; actor?: Actor; ip?: string } {
  if (context.getType<string>() === 'graphql') return GqlExecutionContext.create(context).getContext().req;
  return context.switchToHttp().getRequest();
}

export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor | undefined => requestOf(context).actor);
