import { registerEnumType } from '@nestjs/graphql';
import { ROLES, type Role } from '@leye/domain';
import { EmployerStatus } from '../../modules/employers/employer.entity.js';

/** GraphQL enums built from the domain's own lists, so there is one source of truth. */
export const RoleEnum = Object.fromEntries(ROLES.map((r) => [r, r])) as { [K in Role]: K };
registerEnumType(RoleEnum, { name: 'Role', description: 'Kinds of account (see the product guide §1).' });

export const RegionLevelEnum = { CITY: 'CITY', DISTRICT: 'DISTRICT', COUNTY: 'COUNTY', ZONE: 'ZONE' } as const;
registerEnumType(RegionLevelEnum, { name: 'RegionLevel' });

registerEnumType(EmployerStatus, { name: 'EmployerStatus', description: '审核状态 of an employer.' });

export { EmployerStatus };
