import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { forbidden, unauthenticated } from '../errors/app-error.js';
import type { Actor } from './actor.js';
import { requestOf } from './decorators.js';

export const ACTOR_IN_TRANSACTION_KEY = 'leye:actor-in-transaction';

/**
 * For the hottest mutations (a booth rush): the guard checks only the token's signature and expiry, and the handler
 * reads the caller's account in the first statement of its own transaction (joined to what it reads anyway) instead
 * of a separate read before it. Same rules as the guard: a disabled or deleted account is UNAUTHENTICATED
 * (SESSION_EXPIRED), an account that must change its password is refused, and the actor is re-read on every request
 * (no cache), so deactivation still takes effect at once. The handler must `settle` before doing anything else.
 */
export const ActorReadInTransaction = () => SetMetadata(ACTOR_IN_TRANSACTION_KEY, true);

/** The columns an Actor is made of, for `SELECT … ${actorColumns('u')}` with `u` = app_user (null when disabled). */
export const actorColumns = (u: string) =>
  `${u}.id AS "actorId", ${u}.role AS "actorRole", ${u}.display_name AS "actorDisplayName", ${u}.region_code AS "actorRegionCode",
   ${u}.employer_id AS "actorEmployerId", ${u}.locale AS "actorLocale", ${u}.must_change_password AS "actorMustChangePassword"`;

/** The current account of a user id, as the guard reads it (null when disabled or deleted). */
export const ACTOR_SQL = `SELECT id, role, display_name AS "displayName", region_code AS "regionCode", employer_id AS "employerId", locale,
         must_change_password AS "mustChangePassword"
    FROM app_user WHERE id = $1 AND disabled_at IS NULL`;

export interface ActorColumns {
  actorId: string | null;
  actorRole: Actor['role'] | null;
  actorDisplayName: string | null;
  actorRegionCode: string | null;
  actorEmployerId: string | null;
  actorLocale: string | null;
  actorMustChangePassword: boolean | null;
}

interface RequestWithCaller {
  actor?: Actor;
  pendingActor?: PendingActor;
}

/** A caller whose token is valid and whose account is not read yet. */
export class PendingActor {
  constructor(
    readonly userId: string,
    private readonly req: RequestWithCaller,
  ) {}

  /** The account from `actorColumns` (null columns: disabled or deleted): checked like the guard, and made the request's actor. */
  settle(row: ActorColumns | null | undefined): Actor {
    if (!row?.actorId) throw unauthenticated({ reason: 'SESSION_EXPIRED', message: 'Your session has expired, please sign in again' });
    const actor: Actor = {
      id: row.actorId,
      role: row.actorRole!,
      displayName: row.actorDisplayName!,
      regionCode: row.actorRegionCode,
      employerId: row.actorEmployerId,
      locale: row.actorLocale!,
      mustChangePassword: row.actorMustChangePassword ?? false,
    };
    return this.adopt(actor);
  }

  /** The account read on its own (for the paths where the joined read found no row, e.g. an unknown id). */
  async read(m: EntityManager): Promise<Actor> {
    const [row] = (await m.query(ACTOR_SQL, [this.userId])) as Actor[];
    if (!row) throw unauthenticated({ reason: 'SESSION_EXPIRED', message: 'Your session has expired, please sign in again' });
    return this.adopt(row);
  }

  private adopt(actor: Actor): Actor {
    if (actor.mustChangePassword) throw forbidden({ reason: 'PASSWORD_CHANGE_REQUIRED', message: 'Change the initial password before going on' });
    // Domain events and the audit log read the caller from the request (RequestContext).
    this.req.actor = actor;
    return actor;
  }
}

/** The caller: an Actor the guard loaded, or a PendingActor for an @ActorReadInTransaction handler. */
export type Caller = Actor | PendingActor;

export const CurrentCaller = createParamDecorator((_data: unknown, context: ExecutionContext): Caller | undefined => {
  const req = requestOf(context) as RequestWithCaller;
  return req.actor ?? req.pendingActor;
});

/** The caller's user id, before or after settling. */
export const callerUserId = (caller: Caller): string => (caller instanceof PendingActor ? caller.userId : caller.id);
