import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Segmented, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/hooks/use-language.js';
import { CALENDAR_VIEWS, visibleDates, type CalendarParams, type CalendarView, type WeekStart } from '../utils/calendar-params.js';

/** View switch (month / week / list) and date navigation. */
export function CalendarToolbar({
  params,
  weekStart,
  onView,
  onDate,
  onStep,
  onToday,
}: {
  params: CalendarParams;
  weekStart: WeekStart;
  onView(view: CalendarView): void;
  onDate(date: string): void;
  onStep(step: -1 | 1): void;
  onToday(): void;
}) {
  const { t } = useTranslation(['core', 'events']);
  const { language } = useLanguage();
  const anchor = dayjs(params.date);
  const monthLabel = anchor.format(language === 'en' ? 'MMMM YYYY' : 'YYYY年M月');
  const { start, end } = visibleDates('week', params.date, weekStart);
  const weekLabel = `${dayjs(start).format('YYYY-MM-DD')} – ${dayjs(end).subtract(1, 'day').format('MM-DD')}`;
  return (
    <Flex justify="space-between" align="center" gap={12} wrap className="calendar-toolbar">
      <Space wrap size={8}>
        <Space.Compact>
          <Button icon={<LeftOutlined />} onClick={() => onStep(-1)} aria-label={t('events:calendar.prev')} data-testid="calendar-prev" />
          <Button onClick={onToday}>{t('events:calendar.today')}</Button>
          <Button icon={<RightOutlined />} onClick={() => onStep(1)} aria-label={t('events:calendar.next')} data-testid="calendar-next" />
        </Space.Compact>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="calendar-period">
          {params.view === 'week' ? weekLabel : monthLabel}
        </Typography.Title>
        <DatePicker
          picker={params.view === 'week' ? 'week' : 'month'}
          value={anchor}
          allowClear={false}
          onChange={(d) => d && onDate(d.format('YYYY-MM-DD'))}
          aria-label={t('events:calendar.jump')}
          style={{ width: 140 }}
          data-testid="calendar-jump"
        />
      </Space>
      <Segmented<CalendarView>
        value={params.view}
        onChange={onView}
        options={CALENDAR_VIEWS.map((v) => ({ value: v, label: t(`events:calendar.views.${v}`) }))}
        data-testid="calendar-view"
      />
    </Flex>
  );
}
