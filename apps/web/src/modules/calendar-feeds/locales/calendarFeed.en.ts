import type { LocaleResource } from '../../i18n/utils/locale-resource.js';
import type zhCN from './calendarFeed.zh-CN.js';

/** i18next namespace `calendarFeed`, English. Keys mirror calendarFeed.zh-CN.ts exactly (the type and locales.spec.ts check). */
const calendarFeedEn: LocaleResource<typeof zhCN> = {
  title: 'My calendar feed',
  intro: 'Sync the events you registered for or work at to your phone or desktop calendar: copy the link and add it as a subscribed calendar.',
  url: 'Feed link',
  copy: 'Copy',
  copied: 'Feed link copied',
  copyManually: 'Could not copy automatically; select the link and copy it',
  subscribe: 'Subscribe in calendar app',
  rotate: 'New link',
  rotateConfirm: 'The old link stops working at once; calendars subscribed to it need the new one. Continue?',
  rotated: 'New feed link created',
  secretNote: 'This link is private to you; do not share it. If it leaks, create a new one.',
  none: 'You have no calendar feed link yet.',
  create: 'Create feed link',
  issuedOn: 'Your current feed link was created on {{date}}.',
  shownOnce: 'For your privacy the link is shown only once, when it is created; we do not keep the link itself. To get it again, create a new one: the old link stops working at once and subscribed calendars need the new one.',
  copyNow: 'Copy or subscribe now: you cannot see this link again after leaving this page.',
};

export default calendarFeedEn;
