import { registerEnumType } from '@nestjs/graphql';
import { ROLES, type Role } from '@leye/domain';

/**
 * The core's own GraphQL enum: the account roles every caller has. Feature enums live with their feature
 * (events/event.enums.ts, holidays/holiday.enums.ts, regions/region.enums.ts), built from the domain's lists.
 */
export const RoleEnum = Object.fromEntries(ROLES.map((r) => [r, r])) as { [K in Role]: K };
registerEnumType(RoleEnum, { name: 'Role', description: 'Kinds of account (see the product guide §1).' });
