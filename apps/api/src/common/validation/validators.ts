import { ValidateBy, type ValidationOptions } from 'class-validator';
import { LINYI_REGIONS, isCalendarDate, isTimeOfDay } from '@leye/domain';

const REGION_CODES = new Set(LINYI_REGIONS.map((r) => r.code));

/** A real date written YYYY-MM-DD (2026-02-30 is refused), reason INVALID_DATE. */
export const IsCalendarDate = (options?: ValidationOptions) =>
  ValidateBy({ name: 'isCalendarDate', validator: { validate: (v) => isCalendarDate(v), defaultMessage: () => 'INVALID_DATE' } }, options);

/** HH:mm from 00:00 to 23:59, reason INVALID_TIME. */
export const IsClockTime = (options?: ValidationOptions) =>
  ValidateBy({ name: 'isClockTime', validator: { validate: (v) => isTimeOfDay(v), defaultMessage: () => 'INVALID_TIME' } }, options);

/** One of Linyi's region codes (city, districts, counties, zones), reason UNKNOWN_REGION. */
export const IsRegionCode = (options?: ValidationOptions) =>
  ValidateBy({ name: 'isRegionCode', validator: { validate: (v) => typeof v === 'string' && REGION_CODES.has(v), defaultMessage: () => 'UNKNOWN_REGION' } }, options);
