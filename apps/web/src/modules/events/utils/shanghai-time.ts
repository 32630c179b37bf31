import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

/**
 * The business calendar is Asia/Shanghai. China keeps no daylight saving, so a fixed +08:00 offset is
 * exact and needs no time-zone database in the browser.
 */
const SHANGHAI_OFFSET_MINUTES = 8 * 60;

/** An instant seen on a Shanghai wall clock, whatever the browser's own zone. */
export function inShanghai(instant: string | Date | Dayjs): Dayjs {
  return dayjs(instant).utcOffset(SHANGHAI_OFFSET_MINUTES);
}

export function formatShanghai(instant: string | Date | Dayjs, format = 'YYYY-MM-DD HH:mm'): string {
  return inShanghai(instant).format(format);
}

/** The Shanghai calendar date (YYYY-MM-DD) an instant falls on. */
export function shanghaiDate(instant: string | Date | Dayjs): string {
  return formatShanghai(instant, 'YYYY-MM-DD');
}

/** A Shanghai date and HH:mm time as an ISO instant in UTC, as the API's DateTime expects. */
export function shanghaiInstant(date: string, time = '00:00'): string {
  return new Date(`${date}T${time}:00+08:00`).toISOString();
}

/**
 * antd pickers hold browser-local dayjs values. We treat what the picker shows as Shanghai wall-clock
 * time, so an organizer travelling with a laptop in another zone still schedules in Linyi time.
 */
export function pickerToInstant(value: Dayjs): string {
  return shanghaiInstant(value.format('YYYY-MM-DD'), value.format('HH:mm'));
}

/** The picker value that shows `instant` on a Shanghai wall clock. */
export function instantToPicker(instant: string): Dayjs {
  return dayjs(inShanghai(instant).format('YYYY-MM-DDTHH:mm'));
}

/** Today's date in Shanghai. */
export function shanghaiToday(now: Date = new Date()): string {
  return shanghaiDate(now);
}

/** "09:00–12:00" or, across midnight/days, "09:00 – 05-02 12:00". */
export function formatTimeRange(startsAt: string, endsAt: string): string {
  const start = inShanghai(startsAt);
  const end = inShanghai(endsAt);
  return start.isSame(end, 'day')
    ? `${start.format('HH:mm')}–${end.format('HH:mm')}`
    : `${start.format('HH:mm')} – ${end.format('MM-DD HH:mm')}`;
}

/** A real calendar date written YYYY-MM-DD (dayjs alone would roll 2027-02-30 over to March). */
export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && dayjs(value).format('YYYY-MM-DD') === value;
}
