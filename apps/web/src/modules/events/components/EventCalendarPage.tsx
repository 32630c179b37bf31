import { CalendarOutlined, PlusOutlined, ReloadOutlined, ScheduleOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Drawer, Empty, Flex, Grid, Space, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { useCurrentUser } from '../../auth/hooks/use-auth.js';
import { useLanguage } from '../../i18n/hooks/use-language.js';
import { HolidayClashesBanner } from '../../holidays/components/HolidayClashesBanner.js';
import { useHolidayMarks } from '../../holidays/hooks/use-holiday-marks.js';
import { PageHeader } from '../../layout/components/PageHeader.js';
import { regionScope } from '../../regions/utils/region-scope.js';
import { EVENT_RANGE_LIMIT, useEventRange } from '../hooks/use-event-range.js';
import { usePortalBase } from '../hooks/use-portal-base.js';
import {
  calendarFilter,
  readCalendarParams,
  shiftAnchor,
  visibleDates,
  writeCalendarParams,
  type CalendarParams,
  type WeekStart,
} from '../utils/calendar-params.js';
import { groupEventsByDay } from '../utils/event-days.js';
import { shanghaiToday } from '../utils/shanghai-time.js';
import { CalendarFilters } from './CalendarFilters.js';
import { CalendarToolbar } from './CalendarToolbar.js';
import { EventCard } from './EventCard.js';
import { ListView } from './ListView.js';
import { MonthView } from './MonthView.js';
import { WeekView } from './WeekView.js';

/** The organizer's calendar: month, week and list views of every event in their region scope. */
export function EventCalendarPage() {
  const { t } = useTranslation(['core', 'events']);
  const { language } = useLanguage();
  const { describe } = useApiError();
  const navigate = useNavigate();
  const base = usePortalBase();
  const user = useCurrentUser();
  const screens = Grid.useBreakpoint();
  const [searchParams, setSearchParams] = useSearchParams();
  const today = shanghaiToday();
  const params = readCalendarParams(searchParams, today);
  // Same first weekday as antd's Calendar in this locale.
  const weekStart: WeekStart = language === 'en' ? 0 : 1;
  // useEventRange keys its load on the filter's content, so a fresh object each render is fine.
  const range = useEventRange(calendarFilter(params, weekStart));
  const [openDay, setOpenDay] = useState<string | null>(null);
  const scope = regionScope(user.region);
  const visible = visibleDates(params.view, params.date, weekStart);
  const holidays = useHolidayMarks(visible.start, visible.end);

  const update = (patch: Partial<CalendarParams>) => setSearchParams(writeCalendarParams({ ...params, ...patch }, today));
  const eventPath = (id: string) => `${base}/events/${id}`;
  const dayEvents = useMemo(() => (openDay ? (groupEventsByDay(range.events).get(openDay) ?? []) : []), [openDay, range.events]);

  return (
    <>
      <PageHeader
        title={t('events:calendar.title')}
        subtitle={t('events:calendar.subtitle')}
        extra={
          <Space wrap>
            <Button icon={<ReloadOutlined />} onClick={range.refetch} loading={range.loading} aria-label={t('common.refresh')}>
              {screens.sm && t('common.refresh')}
            </Button>
            <Button icon={<CalendarOutlined />} onClick={() => navigate(`${base}/peak-seasons`)}>
              {t('nav.peakSeasons')}
            </Button>
            <Button icon={<ScheduleOutlined />} onClick={() => navigate(`${base}/series/new`)} data-testid="new-series">
              {t('events:calendar.newSeries')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(`${base}/events/new?date=${params.date}`)} data-testid="new-event">
              {t('events:calendar.newEvent')}
            </Button>
          </Space>
        }
      />
      <Card variant="borderless" className="calendar-card">
        <CalendarToolbar
          params={params}
          weekStart={weekStart}
          onView={(view) => update({ view })}
          onDate={(date) => update({ date })}
          onStep={(step) => update({ date: shiftAnchor(params.view, params.date, step) })}
          onToday={() => update({ date: today })}
        />
        <CalendarFilters params={params} regionCodes={scope} onChange={update} />
        <div className="calendar-status" aria-live="polite">
          {range.loading ? (
            <Flex align="center" gap={12} data-testid="calendar-loading">
              <Spin size="small" />
              <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>
            </Flex>
          ) : (
            <Typography.Text type="secondary" data-testid="calendar-count" data-count={range.events.length}>
              {t('events:calendar.count', { count: range.events.length })}
            </Typography.Text>
          )}
        </div>
        <HolidayClashesBanner eventPath={eventPath} onResolved={range.refetch} />
        {range.error != null && <Alert type="error" showIcon title={describe(range.error)} style={{ marginBottom: 12 }} />}
        {range.truncated && (
          <Alert type="warning" showIcon title={t('events:calendar.truncated', { count: EVENT_RANGE_LIMIT })} style={{ marginBottom: 12 }} />
        )}
        <div className={range.loading ? 'calendar-body calendar-body-loading' : 'calendar-body'}>
          {params.view === 'month' && (
            <MonthView
              date={params.date}
              events={range.events}
              holidays={holidays}
              onOpenEvent={(id) => navigate(eventPath(id))}
              onSelectDay={(date) => {
                // Picking a day of the next/previous month also moves the month.
                if (date.slice(0, 7) !== params.date.slice(0, 7)) update({ date });
                setOpenDay(date);
              }}
            />
          )}
          {params.view === 'week' && (
            <WeekView start={visible.start} today={today} events={range.events} holidays={holidays} eventPath={eventPath} />
          )}
          {params.view === 'list' && <ListView events={range.events} loading={range.loading} holidays={holidays} eventPath={eventPath} />}
        </div>
      </Card>
      <Drawer
        open={!!openDay}
        onClose={() => setOpenDay(null)}
        title={openDay ? dayjs(openDay).format(language === 'en' ? 'dddd, MMMM D, YYYY' : 'YYYY年M月D日 dddd') : ''}
        size={screens.md ? 460 : '100%'}
        data-testid="day-drawer"
        extra={
          openDay && (
            <Button size="small" icon={<PlusOutlined />} onClick={() => navigate(`${base}/events/new?date=${openDay}`)}>
              {t('events:calendar.newEvent')}
            </Button>
          )
        }
      >
        {dayEvents.length === 0 ? (
          <Empty description={t('events:calendar.noEventsDay')} />
        ) : (
          <Flex vertical gap={8}>
            {dayEvents.map((e) => (
              <EventCard key={e.id} event={e} to={eventPath(e.id)} showStatus="always" />
            ))}
          </Flex>
        )}
      </Drawer>
    </>
  );
}
