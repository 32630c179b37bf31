import type { NotificationMessage } from '../notifications/notification-messages.js';

const SHOWN = 5;

/** "Your occurrences now on a holiday", in both languages (the recipient's locale picks one). */
export function holidayClashesMessage(year: number, clashes: Array<{ eventId: string; title: string; date: string; holidayName: string }>): NotificationMessage {
  const shown = clashes.slice(0, SHOWN);
  const more = clashes.length - shown.length;
  const zhList = shown.map((c) => `「${c.title}」${c.date}（${c.holidayName}）`).join('、') + (more > 0 ? ` 等 ${clashes.length} 场` : '');
  const enList = shown.map((c) => `"${c.title}" on ${c.date} (${c.holidayName})`).join(', ') + (more > 0 ? ` and ${more} more` : '');
  return {
    kind: 'HOLIDAY_CLASHES',
    zh: {
      title: `${year} 年节假日已公布：${clashes.length} 场活动落在节假日`,
      body: `${zhList}落在法定节假日。请在活动日历中按系列的节假日规则一键处理。`,
    },
    en: {
      title: `${year} holidays published: ${clashes.length} event(s) fall on a holiday`,
      body: `${enList} now fall on a statutory holiday. Open the calendar to apply each series' holiday policy in one click.`,
    },
    link: '/organizer/calendar',
    data: { year, eventIds: clashes.map((c) => c.eventId) },
  };
}
