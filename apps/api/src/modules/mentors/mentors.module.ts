import { Module } from '@nestjs/common';
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';
import { Measures } from '../../common/measures/measures.js';
import { PermissionRegistry } from '../../common/permissions/permission-registry.js';
import { CalendarFeedsModule } from '../calendar-feeds/calendar-feeds.module.js';
import { PrivateFeedEntries } from '../calendar-feeds/private-feed-entries.js';
import { EventAttachmentsService } from '../events/event-attachments.service.js';
import { EventsModule } from '../events/events.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { UsersModule } from '../users/users.module.js';
import { MentorNotificationsSubscriber } from './mentor-notifications.subscriber.js';
import { MentorEventsResolver, MentorEventsService } from './mentor-events.js';
import { mentorRules } from './mentors.permissions.js';
import { MentorsExportController } from './mentors-export.controller.js';
import { MentorsResolver } from './mentors.resolver.js';
import { MentorsService } from './mentors.service.js';
import { ProjectsResolver } from './projects.resolver.js';
import { ProjectsService } from './projects.service.js';
import { SessionsService } from './sessions.service.js';

dayjs.extend(utc);
dayjs.extend(timezone);

const MODE = { zh: { ON_SITE: '面谈', ONLINE: '线上', PHONE: '电话' }, en: { ON_SITE: 'on site', ONLINE: 'online', PHONE: 'phone' } } as const;

/** Mentor pool and coaching (clause 十二): profiles, studios, import/export, projects, matching, follow-ups (护航), sessions. */
@Module({
  imports: [UsersModule, EventsModule, CalendarFeedsModule, NotificationsModule],
  controllers: [MentorsExportController],
  providers: [MentorsService, ProjectsService, SessionsService, MentorEventsService, MentorsResolver, ProjectsResolver, MentorEventsResolver, MentorNotificationsSubscriber],
})
export class MentorsModule {
  constructor(registry: PermissionRegistry, measures: Measures, sessions: SessionsService, events: MentorEventsService, attachments: EventAttachmentsService, feed: PrivateFeedEntries) {
    registry.register(mentorRules);
    measures.provide({ key: 'mentors.pool', unit: 'mentors', additive: false, evaluate: (scope, manager) => sessions.poolMeasure(scope, manager) });
    measures.provide({ key: 'mentors.confirmedSessions', unit: 'sessions', additive: true, evaluate: (scope, manager) => sessions.confirmedSessionsMeasure(scope, manager) });
    attachments.register(events.attachmentSource());
    // A mentor's coaching sessions (and the next dates agreed) in their private calendar feed.
    feed.register({
      name: 'coaching-sessions',
      entriesFor: async (userId, language) => {
        const rows = await sessions.feedRows(userId);
        const zh = language === 'zh';
        return rows.flatMap((s) => {
          const entries = [
            {
              uid: `coaching-${s.id}`,
              start: s.heldAt,
              end: new Date(s.heldAt.getTime() + s.durationMinutes * 60_000),
              summary: zh ? `创业辅导：${s.projectName}` : `Coaching: ${s.projectName}`,
              description: zh ? `方式：${MODE.zh[s.mode as keyof typeof MODE.zh]}` : `Mode: ${MODE.en[s.mode as keyof typeof MODE.en]}`,
              path: '/mentor',
              updatedAt: s.createdAt,
            },
          ];
          if (s.nextOn && s.nextOn >= dayjs().tz('Asia/Shanghai').format('YYYY-MM-DD')) {
            entries.push({
              uid: `coaching-next-${s.id}`,
              start: s.heldAt,
              allDay: s.nextOn,
              summary: zh ? `下次辅导：${s.projectName}` : `Next coaching: ${s.projectName}`,
              path: '/mentor',
              updatedAt: s.createdAt,
            } as (typeof entries)[number] & { allDay: string });
          }
          return entries;
        });
      },
    });
  }
}
