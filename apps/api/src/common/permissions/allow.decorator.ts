import { SetMetadata } from '@nestjs/common';
import type { Action, ActionResources } from './permission.types.js';

export const ALLOW_KEY = 'leye:allow';

type RecordlessAction = { [A in Action]: ActionResources[A] extends undefined ? A : never }[Action];

/**
 * For actions on no particular record (`employer.list`, `holiday.manage`): the auth guard calls
 * `require(actor, action)` before the handler runs. Record-level checks stay in the handler.
 */
export const Allow = (action: RecordlessAction) => SetMetadata(ALLOW_KEY, action);
