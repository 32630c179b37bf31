import { addDays, addMonths, shanghaiDateOf } from '@leye/domain';

/** Asia/Shanghai is UTC+08:00 all year (no DST since 1991), so plain arithmetic is exact. */
const OFFSET_MS = 8 * 3600 * 1000;

/** `YYYY-MM-DD HH:mm` in Asia/Shanghai, for messages people read. */
export function formatShanghai(date: Date): string {
  return new Date(date.getTime() + OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

export { addDays, addMonths, shanghaiDateOf as shanghaiDate };

