import { registerEnumType } from '@nestjs/graphql';

export const HolidayKindEnum = { HOLIDAY: 'HOLIDAY', WORKDAY: 'WORKDAY' } as const;
registerEnumType(HolidayKindEnum, { name: 'HolidayKind', description: 'HOLIDAY: statutory day off (休); WORKDAY: adjusted working day (调休, 班).' });

export const HolidaySourceEnum = { CHINESE_DAYS: 'CHINESE_DAYS', ADMIN: 'ADMIN' } as const;
registerEnumType(HolidaySourceEnum, { name: 'HolidaySource' });
