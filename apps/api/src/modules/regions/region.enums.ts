import { registerEnumType } from '@nestjs/graphql';

export const RegionLevelEnum = { CITY: 'CITY', DISTRICT: 'DISTRICT', COUNTY: 'COUNTY', ZONE: 'ZONE' } as const;
registerEnumType(RegionLevelEnum, { name: 'RegionLevel' });
