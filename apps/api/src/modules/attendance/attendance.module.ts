import './attendance.loaders.js';
import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Measures } from '../../common/measures/measures.js';
import { PermissionRegistry } from '../../common/permissions/permission-registry.js';
import { EventAttachmentsService } from '../events/event-attachments.service.js';
import { EventsModule } from '../events/events.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { AttendanceNotificationsSubscriber } from './attendance-notifications.subscriber.js';
import { attendanceMeasures } from './attendance-measures.js';
import { AttendanceGateway } from './attendance.gateway.js';
import { attendanceRules } from './attendance.permissions.js';
import { CheckInResolver, EventRegistrationResolver, RegistrationsResolver } from './attendance.resolver.js';
import { CheckInThrottle } from './checkin-throttle.js';
import { CheckInService } from './checkin.service.js';
import { FairOutcomesService } from './fair-outcomes.service.js';
import { PersonalDataCipher } from './personal-data.js';
import { RegistrationsService } from './registrations.service.js';
import { SeekerProfileService } from './seeker-profile.service.js';
import { ScanRoute } from './scan-route.js';
import { TicketKeys } from './ticket-keys.js';

/** Attendance: seeker profile, registration, QR tickets, gate check-in (offline-safe), fair outcomes (docs/attendance.md). */
@Module({
  imports: [EventsModule, NotificationsModule],
  providers: [
    TicketKeys, PersonalDataCipher, SeekerProfileService, RegistrationsService, CheckInService, CheckInThrottle, FairOutcomesService, AttendanceGateway,
    RegistrationsResolver, EventRegistrationResolver, CheckInResolver, ScanRoute, AttendanceNotificationsSubscriber,
  ],
  exports: [RegistrationsService, CheckInService],
})
export class AttendanceModule {
  constructor(registry: PermissionRegistry, measures: Measures, attachments: EventAttachmentsService, ds: DataSource) {
    registry.register(attendanceRules);
    for (const provider of attendanceMeasures(ds)) measures.provide(provider);
    // Registrants (also on the waitlist; a class's registrants for each of its sessions) and door volunteers are attached to the event.
    attachments.register({
      name: 'registrations',
      usersAttachedTo: async (ids) => {
        const rows: Array<{ event_id: string; user_id: string }> = await ds.query(
          `SELECT DISTINCT e.id AS event_id, r.user_id FROM event e JOIN event_registration r ON r.target_id IN (e.id, e.series_id)
            WHERE e.id = ANY($1::uuid[]) AND r.user_id IS NOT NULL AND r.status IN ('REGISTERED','WAITLISTED')
           UNION SELECT event_id, user_id FROM attendance_door_volunteer WHERE event_id = ANY($1::uuid[])`,
          [ids],
        );
        const map = new Map<string, string[]>();
        for (const r of rows) map.set(r.event_id, [...(map.get(r.event_id) ?? []), r.user_id]);
        return map;
      },
      eventsAttachedTo: async (userId) =>
        (
          await ds.query(
            `SELECT e.id FROM event_registration r JOIN event e ON e.id = r.event_id OR e.series_id = r.series_id
              WHERE r.user_id = $1 AND r.status IN ('REGISTERED','WAITLISTED')
             UNION SELECT event_id FROM attendance_door_volunteer WHERE user_id = $1`,
            [userId],
          )
        ).map((r: { id: string }) => r.id),
    });
  }
}
