import { applicationsFeature } from '../modules/applications/feature.js';
import { attendanceFeature } from '../modules/attendance/feature.js';
import { auditFeature } from '../modules/audit/feature.js';
import { boothsFeature } from '../modules/booths/feature.js';
import { checkinStationFeature } from '../modules/checkin-station/feature.js';
import { employersFeature } from '../modules/employers/feature.js';
import { eventSeriesFeature } from '../modules/event-series/feature.js';
import { eventsFeature } from '../modules/events/feature.js';
import { holidaysFeature } from '../modules/holidays/feature.js';
import { homeFeature } from '../modules/home/feature.js';
import { jobsFeature } from '../modules/jobs/feature.js';
import { livestreamFeature } from '../modules/livestream/feature.js';
import { mentorsFeature } from '../modules/mentors/feature.js';
import { postingsFeature } from '../modules/postings/feature.js';
import { profileFeature } from '../modules/profile/feature.js';
import { publicEventsFeature } from '../modules/public-events/feature.js';
import { quotasFeature } from '../modules/quotas/feature.js';
import { staffFeature } from '../modules/staff/feature.js';
import { usersAdminFeature } from '../modules/users-admin/feature.js';
import type { WebFeature } from '../modules/layout/utils/web-feature.js';

/**
 * The one list of web features. A feature's `feature.tsx` says which portals show its pages and menu
 * entries; adding a feature is one line here. Manifests only hold lazy page references and icons, so
 * this list costs a portal a few kilobytes, and each page's code loads when it is first opened.
 */
export const FEATURES: readonly WebFeature[] = [
  homeFeature,
  employersFeature,
  eventsFeature,
  boothsFeature,
  eventSeriesFeature,
  holidaysFeature,
  publicEventsFeature,
  staffFeature,
  auditFeature,
  usersAdminFeature,
  jobsFeature,
  postingsFeature,
  applicationsFeature,
  mentorsFeature,
  quotasFeature,
  attendanceFeature,
  checkinStationFeature,
  livestreamFeature,
  profileFeature,
];
