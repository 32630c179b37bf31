/** The API's iCalendar endpoints (served on the same origin as the web app); worded in Chinese unless `lang=en`. */
export function eventIcsPath(eventId: string, language?: string): string {
  return `/calendar/events/${encodeURIComponent(eventId)}.ics${language === 'en' ? '?lang=en' : ''}`;
}

/** Public feed of published events, optionally for one region and one type, in the reader's language. */
export function publicFeedUrl(origin: string, filter: { regionCode?: string | null; type?: string | null; language?: string } = {}): string {
  const url = new URL('/calendar/events.ics', origin);
  if (filter.regionCode) url.searchParams.set('region', filter.regionCode);
  if (filter.type) url.searchParams.set('type', filter.type);
  if (filter.language === 'en') url.searchParams.set('lang', 'en');
  return url.toString();
}

/** The same feed as a webcal:// link, which calendar apps open as a subscription rather than a download. */
export function webcalUrl(httpUrl: string): string {
  return httpUrl.replace(/^https?:\/\//i, 'webcal://');
}
