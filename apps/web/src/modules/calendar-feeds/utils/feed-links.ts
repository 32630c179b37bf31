/** The API's iCalendar endpoints (served on the same origin as the web app). */
export function eventIcsPath(eventId: string): string {
  return `/calendar/events/${encodeURIComponent(eventId)}.ics`;
}

/** Public feed of published events, optionally for one region and one type. */
export function publicFeedUrl(origin: string, filter: { regionCode?: string | null; type?: string | null } = {}): string {
  const url = new URL('/calendar/events.ics', origin);
  if (filter.regionCode) url.searchParams.set('region', filter.regionCode);
  if (filter.type) url.searchParams.set('type', filter.type);
  return url.toString();
}

/** The same feed as a webcal:// link, which calendar apps open as a subscription rather than a download. */
export function webcalUrl(httpUrl: string): string {
  return httpUrl.replace(/^https?:\/\//i, 'webcal://');
}
