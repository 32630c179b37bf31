import { EmployerEntity } from '../modules/employers/employer.entity.js';
import { NotificationEntity } from '../modules/notifications/notification.entity.js';
import { RefreshTokenEntity } from '../modules/auth/refresh-token.entity.js';
import { RegionEntity } from '../modules/regions/region.entity.js';
import { UserEntity } from '../modules/users/user.entity.js';
import { CoHostBodyEntity } from '../modules/events/co-hosts/co-host-body.entity.js';
import { EventSeriesEntity } from '../modules/events/series/event-series.entity.js';
import { EventEntity } from '../modules/events/event.entity.js';
import { PostingEntity } from '../modules/postings/posting.entity.js';
import { VenueEntity } from '../modules/venues/venue.entity.js';
import { EventCalendar1764288000000 } from './migrations/1764288000000-event-calendar.js';
import { Foundation1764201600000 } from './migrations/1764201600000-foundation.js';
import { Venue1764201700000 } from './migrations/1764201700000-venue.js';
import { JobsAndAudit1764374400000 } from './migrations/1764374400000-jobs-and-audit.js';
import { CalendarFeedTokenHash1764547200000 } from './migrations/1764547200000-calendar-feed-token-hash.js';
import { Booths1765000000000 } from './migrations/1765000000000-booths.js';
import { AccountSelfService1764892800000 } from './migrations/1764892800000-account-self-service.js';
import { RequestThrottle1764633600000 } from './migrations/1764633600000-request-throttle.js';
import { JobPostings1765100000000 } from './migrations/1765100000000-job-postings.js';
import { Applications1765200000000 } from './migrations/1765200000000-applications.js';
import { Mentors1765500000000 } from './migrations/1765500000000-mentors.js';
import { Quotas1765400000000 } from './migrations/1765400000000-quotas.js';
import { Attendance1765300000000 } from './migrations/1765300000000-attendance.js';
import { PersonalDataRights1766000000000 } from './migrations/1766000000000-personal-data-rights.js';
import { AttendanceScanBatches1765700000000 } from './migrations/1765700000000-attendance-scan-batches.js';
import { Broadcasts1765900000000 } from './migrations/1765900000000-broadcasts.js';
import { EventHolidayResolution1764720000000 } from './migrations/1764720000000-event-holiday-resolution.js';

export const ENTITIES = [RegionEntity, EmployerEntity, UserEntity, RefreshTokenEntity, NotificationEntity, VenueEntity, CoHostBodyEntity, EventSeriesEntity, EventEntity, PostingEntity];

/** Listed explicitly (not globbed) so the ESM build and jest load the same classes. */
export const MIGRATIONS = [
  Foundation1764201600000,
  Venue1764201700000,
  EventCalendar1764288000000,
  JobsAndAudit1764374400000,
  CalendarFeedTokenHash1764547200000,
  RequestThrottle1764633600000,
  EventHolidayResolution1764720000000,
  AccountSelfService1764892800000,
  Booths1765000000000,
  JobPostings1765100000000,
  Applications1765200000000,
  Mentors1765500000000,
  Quotas1765400000000,
  Attendance1765300000000,
  PersonalDataRights1766000000000,
  AttendanceScanBatches1765700000000,
  Broadcasts1765900000000,
];
