import type { LocaleResource } from '../../i18n/utils/locale-resource.js';
import type zhCN from './publicEvents.zh-CN.js';

/** i18next namespace `publicEvents`, English. Keys mirror publicEvents.zh-CN.ts exactly (the type and locales.spec.ts check). */
const publicEventsEn: LocaleResource<typeof zhCN> = {
  title: 'Events',
  subtitle: 'Job fairs, campus recruiting, entrepreneurship events, livestreams and training across Linyi',
  allTypes: 'All types',
  allRegions: 'All regions',
  from: 'From',
  to: 'To',
  search: 'Search events',
  count: '{{count}} events',
  empty: 'No events match',
  browse: 'Browse events',
  myHome: 'My home',
  backToList: 'All events',
  notFound: 'This event does not exist or is not published',
  cancelled: 'This event has been cancelled',
  cancelReason: 'Reason: ',
  calendarTitle: 'Add to your calendar',
  addToCalendar: 'Add to calendar',
  feedHint: 'Subscribe to every “{{type}}” in {{region}}; new events appear in your phone or desktop calendar by themselves:',
  subscribeTitle: 'Subscribe to this calendar',
  subscribeHint: 'Subscribe with the current region and type filters; newly published events sync to your calendar:',
};

export default publicEventsEn;
