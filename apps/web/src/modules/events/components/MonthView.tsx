import { Badge, Calendar, Grid } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventSummaryFieldsFragment } from '../../../generated/graphql.js';
import { groupEventsByDay } from '../utils/event-days.js';
import { eventTypeColor } from '../utils/event-type.js';
import { HolidayDayMark } from '../../holidays/components/HolidayDayMark.js';
import type { HolidayMark } from '../../holidays/utils/holiday-marks.js';
import { EventChip } from './EventChip.js';

/** How many chips fit in a desktop day cell before "+n more". */
const CHIPS_PER_DAY = 3;

/**
 * antd's Calendar with each day's events as chips in their type colour (coloured dots on phones).
 * Selecting a day opens its list; a chip opens the event.
 */
export function MonthView({
  date,
  events,
  holidays,
  onSelectDay,
  onOpenEvent,
}: {
  date: string;
  events: EventSummaryFieldsFragment[];
  /** Statutory holidays (休) and adjusted working days (班) by date. */
  holidays?: ReadonlyMap<string, HolidayMark>;
  onSelectDay(date: string): void;
  onOpenEvent(id: string): void;
}) {
  const { t } = useTranslation(['core', 'events']);
  const screens = Grid.useBreakpoint();
  const wide = !!screens.md;
  const byDay = useMemo(() => groupEventsByDay(events), [events]);

  const cell = (current: Dayjs) => {
    const day = current.format('YYYY-MM-DD');
    const mark = <HolidayDayMark mark={holidays?.get(day)} withName={wide} />;
    const list = byDay.get(day) ?? [];
    if (list.length === 0) return mark;
    if (!wide) {
      return (
        <div className="month-dots" data-testid="day-dots" data-count={list.length}>
          {mark}
          {list.slice(0, 4).map((e) => (
            <span key={e.id} className="type-dot" style={{ background: eventTypeColor(e.type), opacity: e.status === 'CANCELLED' ? 0.35 : 1 }} />
          ))}
        </div>
      );
    }
    return (
      <div className="month-chips" data-count={list.length}>
        {mark}
        {list.slice(0, CHIPS_PER_DAY).map((e) => (
          <EventChip key={e.id} event={e} onOpen={onOpenEvent} />
        ))}
        {list.length > CHIPS_PER_DAY && (
          <Badge
            count={t('events:calendar.more', { count: list.length - CHIPS_PER_DAY })}
            color="#8c8c8c"
            style={{ fontSize: 11 }}
            className="month-more"
          />
        )}
      </div>
    );
  };

  return (
    <Calendar
      value={dayjs(date)}
      fullscreen={wide}
      headerRender={() => null}
      cellRender={(current, info) => (info.type === 'date' ? cell(current) : info.originNode)}
      onSelect={(d, info) => {
        if (info.source === 'date') onSelectDay(d.format('YYYY-MM-DD'));
      }}
      className="month-view"
      data-testid="month-view"
    />
  );
}
