import ical, { ICalEventStatus } from 'ical-generator';
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';
import { EVENT_SUBTYPE_LABELS, EVENT_TYPE_LABELS } from '@leye/domain';
import type { PrivateFeedEntry } from './private-feed-entries.js';

// ical-generator writes a TZID'd DTSTART from the date library's zoned value; a bare Date would be
// written in the server's zone under the Shanghai label.
dayjs.extend(utc);
dayjs.extend(timezone);

/** Asia/Shanghai has been UTC+08:00 without DST since 1991: one STANDARD block describes it exactly. */
const SHANGHAI_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Asia/Shanghai',
  'X-LIC-LOCATION:Asia/Shanghai',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0800',
  'TZOFFSETTO:+0800',
  'TZNAME:CST',
  'DTSTART:19700101T000000',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

export interface FeedEvent {
  id: string;
  title: string;
  description: string;
  type: keyof typeof EVENT_TYPE_LABELS;
  subtype: string;
  startsAt: Date;
  endsAt: Date;
  status: string;
  cancelReason: string | null;
  isOnline: boolean;
  onlineUrl: string | null;
  venueName: string | null;
  venueAddress: string | null;
  updatedAt: Date;
}

export type FeedLanguage = 'zh' | 'en';

/** The words a feed is written with, in the subscriber's language (the account's locale, or `?lang=en`). */
const WORDS = {
  zh: { cancelled: '【已取消】', cancelReason: '取消原因：', online: '线上：', onlinePlace: '线上 Online', join: '，', publicName: '乐业临沂 活动日历', privateName: '乐业临沂 我的日历' },
  en: { cancelled: '[Cancelled] ', cancelReason: 'Cancelled because: ', online: 'Online: ', onlinePlace: 'Online', join: ', ', publicName: 'Leye Linyi events', privateName: 'My Leye Linyi calendar' },
} as const;

export const feedName = (kind: 'publicName' | 'privateName', language: FeedLanguage) => WORDS[language][kind];

/** `en` for an English locale or query value, otherwise the zh-CN default. */
export const feedLanguage = (locale: unknown): FeedLanguage => (typeof locale === 'string' && /^en\b/i.test(locale) ? 'en' : 'zh');

/** Renders events as an RFC 5545 calendar in Asia/Shanghai time, with its VTIMEZONE, worded in `language`. */
export function renderCalendar(name: string, events: FeedEvent[], baseUrl: string, language: FeedLanguage = 'zh', entries: PrivateFeedEntry[] = []): string {
  const w = WORDS[language];
  const cal = ical({ name, prodId: { company: 'Linyi Public Employment Service', product: 'Leye Linyi', language: language === 'en' ? 'EN' : 'ZH' }, timezone: { name: 'Asia/Shanghai', generator: () => SHANGHAI_VTIMEZONE } });
  for (const e of events) {
    const kind = `${EVENT_TYPE_LABELS[e.type]?.[language] ?? e.type}·${EVENT_SUBTYPE_LABELS[e.subtype]?.[language] ?? e.subtype}`;
    const cancelled = e.status === 'CANCELLED';
    cal.createEvent({
      id: `${e.id}@leye-linyi`,
      start: dayjs(e.startsAt).tz('Asia/Shanghai'),
      end: dayjs(e.endsAt).tz('Asia/Shanghai'),
      timezone: 'Asia/Shanghai',
      stamp: dayjs(e.updatedAt).utc(),
      lastModified: dayjs(e.updatedAt).utc(),
      summary: cancelled ? `${w.cancelled}${e.title}` : e.title,
      description: [kind, cancelled ? `${w.cancelReason}${e.cancelReason}` : null, e.description || null, e.onlineUrl ? `${w.online}${e.onlineUrl}` : null].filter(Boolean).join('\n'),
      location: e.isOnline ? w.onlinePlace : [e.venueName, e.venueAddress].filter(Boolean).join(w.join),
      url: `${baseUrl}/events/${e.id}`,
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  for (const e of entries) {
    const common = {
      id: `${e.uid}@leye-linyi`,
      timezone: 'Asia/Shanghai',
      stamp: dayjs(e.updatedAt).utc(),
      lastModified: dayjs(e.updatedAt).utc(),
      summary: e.summary,
      description: e.description,
      location: e.location,
      url: e.path ? `${baseUrl}${e.path}` : undefined,
      status: ICalEventStatus.CONFIRMED,
    };
    if (e.allDay) cal.createEvent({ ...common, allDay: true, start: dayjs.tz(e.allDay, 'Asia/Shanghai') });
    else cal.createEvent({ ...common, start: dayjs(e.start).tz('Asia/Shanghai'), end: dayjs(e.end ?? e.start).tz('Asia/Shanghai') });
  }
  return cal.toString();
}
