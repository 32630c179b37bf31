import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FairFacts } from '../../common/fairs/fair-facts.js';
import { PermissionRegistry } from '../../common/permissions/permission-registry.js';
import { EventAttachmentsService } from '../events/event-attachments.service.js';
import { EventsModule } from '../events/events.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { BoothExport } from './booth-export.js';
import { BoothCalendarFollower, BoothNotificationsSubscriber } from './booth-subscribers.js';
import { boothRules } from './booths.permissions.js';
import { BoothsGateway } from './booths.gateway.js';
import { BoothsResolver } from './booths.resolver.js';
import { BoothsService } from './booths.service.js';

/** Booth booking and campus delegations (docs/booths.md). */
@Module({
  imports: [NotificationsModule, EventsModule],
  providers: [BoothsService, BoothsResolver, BoothsGateway, BoothExport, BoothCalendarFollower, BoothNotificationsSubscriber],
  exports: [BoothsService],
})
export class BoothsModule {
  constructor(registry: PermissionRegistry, fairFacts: FairFacts, attachments: EventAttachmentsService, ds: DataSource) {
    registry.register(boothRules);
    // Confirmed bookings and delegation places: who is coming to each fair (postings show what they hire).
    fairFacts.provideExhibitors(async (eventIds, manager) => {
      const rows: Array<{ eventId: string; employerIds: string[] }> = await (manager ?? ds.manager).query(
        `SELECT event_id AS "eventId", array_agg(DISTINCT employer_id) AS "employerIds" FROM booth_booking
          WHERE event_id = ANY($1::uuid[]) AND status = 'CONFIRMED' GROUP BY event_id`,
        [eventIds],
      );
      const map = new Map(eventIds.map((id) => [id, [] as string[]]));
      for (const r of rows) map.set(r.eventId, r.employerIds);
      return map;
    });
    // Members of employers with a pending or confirmed booking are attached to the event (change notices, private feeds).
    attachments.register({
      name: 'booths',
      usersAttachedTo: async (ids) => {
        const rows: Array<{ event_id: string; user_id: string }> = await ds.query(
          `SELECT DISTINCT b.event_id, u.id AS user_id FROM booth_booking b JOIN app_user u ON u.employer_id = b.employer_id AND u.disabled_at IS NULL
            WHERE b.event_id = ANY($1::uuid[]) AND b.status IN ('PENDING_APPROVAL','CONFIRMED')`,
          [ids],
        );
        const map = new Map<string, string[]>();
        for (const r of rows) map.set(r.event_id, [...(map.get(r.event_id) ?? []), r.user_id]);
        return map;
      },
      eventsAttachedTo: async (userId) =>
        (
          await ds.query(
            `SELECT DISTINCT b.event_id AS id FROM booth_booking b JOIN app_user u ON u.employer_id = b.employer_id
              WHERE u.id = $1 AND b.status IN ('PENDING_APPROVAL','CONFIRMED')`,
            [userId],
          )
        ).map((r: { id: string }) => r.id),
    });
  }
}
