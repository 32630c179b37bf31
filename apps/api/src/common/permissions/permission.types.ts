import type { Actor } from '../auth/actor.js';

/**
 * The vocabulary of actions, `resource.verb` → the resource a rule is given. Empty here: each
 * feature module adds its own actions by declaration merging in its `*.permissions.ts`, so the
 * core names no feature and `require(actor, 'event.update', event)` is still type-checked.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging in feature modules
export interface ActionResources {}

export type Action = keyof ActionResources & string;

/** `undefined` for an anonymous caller; a rule answers for any caller, signed in or not. */
export type Rule<A extends Action> = (actor: Actor | undefined, resource: ActionResources[A]) => boolean;

/** A feature's rules: one per action it declares. */
export type RuleSet<A extends Action> = { [K in A]: Rule<K> };

/** The resource argument: omitted for actions on no particular record (e.g. `employer.list`). */
export type ResourceArg<A extends Action> = ActionResources[A] extends undefined ? [resource?: undefined] : [resource: ActionResources[A]];
