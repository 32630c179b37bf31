import { Empty, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventSummaryFieldsFragment } from '../../../generated/graphql.js';
import { useLanguage } from '../../i18n/hooks/use-language.js';
import { groupEventsByDay, weekDates } from '../utils/event-days.js';
import { HolidayDayMark } from '../../holidays/components/HolidayDayMark.js';
import type { HolidayMark } from '../../holidays/utils/holiday-marks.js';
import { EventCard } from './EventCard.js';

/** Seven columns (stacked on phones), each day's events as time-ordered cards. */
export function WeekView({
  start,
  today,
  events,
  holidays,
  eventPath,
}: {
  start: string;
  today: string;
  events: EventSummaryFieldsFragment[];
  holidays?: ReadonlyMap<string, HolidayMark>;
  eventPath(id: string): string;
}) {
  const { t } = useTranslation(['core', 'events']);
  const { language } = useLanguage();
  const byDay = useMemo(() => groupEventsByDay(events), [events]);
  return (
    <div className="week-view" data-testid="week-view">
      {weekDates(start).map((date) => {
        const list = byDay.get(date) ?? [];
        return (
          <section key={date} className={`week-day${date === today ? ' week-day-today' : ''}`} data-date={date}>
            <header className="week-day-header">
              <Typography.Text strong>{dayjs(date).format('ddd')}</Typography.Text>{' '}
              <Typography.Text type="secondary">{dayjs(date).format(language === 'en' ? 'MMM D' : 'M/D')}</Typography.Text>{' '}
              <HolidayDayMark mark={holidays?.get(date)} />
            </header>
            <div className="week-day-body">
              {list.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('events:calendar.noEventsDay')} className="week-day-empty" />
              ) : (
                list.map((e) => <EventCard key={e.id} event={e} to={eventPath(e.id)} />)
              )}
            </div>
          </section>
        );
      })}
    </div>
  );
}
