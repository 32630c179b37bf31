import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DomainEvent, DomainEventName } from '../../common/domain-events/domain-event-map.js';
import { OnDomainEvent } from '../../common/domain-events/on-domain-event.decorator.js';
import '../employers/employer.domain-events.js';
import '../events/event.domain-events.js';
import '../holidays/holiday.domain-events.js';
import '../postings/posting.domain-events.js';
import '../applications/application.domain-events.js';
import '../holiday-clashes/holiday-clash.domain-events.js';
import '../users/user.domain-events.js';
import '../booths/booth.domain-events.js';
import '../mentors/mentor.domain-events.js';
import '../quotas/quota.domain-events.js';
import '../attendance/attendance.domain-events.js';
import '../privacy/privacy.domain-events.js';
import '../../common/domain-events/unmasked-views.js';

interface AuditTarget {
  resourceType: string;
  resourceId: string | null;
  regionCode: string | null;
  details: Record<string, unknown>;
}

type Audited =
  | 'employer.verified'
  | 'employer.rejected'
  | 'employer.resubmitted'
  | 'employer.revoked'
  | 'staff.created'
  | 'password.changed'
  | 'password.reset_code_issued'
  | 'password.reset_code_emailed'
  | 'password.reset'
  | 'user.deactivated'
  | 'user.reactivated'
  | 'event.cancelled'
  | 'event.rescheduled'
  | 'holidays.changed'
  | 'event.kept-on-holiday'
  | 'booth.booking-approved'
  | 'booth.booking-rejected'
  | 'booth.booking-cancelled'
  | 'booth.booking-moved'
  | 'posting.approved'
  | 'posting.rejected'
  | 'posting.withdrawn'
  | 'posting.list-changed'
  | 'application.status-changed'
  | 'application.withdrawn'
  | 'mentor.status-changed'
  | 'mentor.certified'
  | 'mentor.imported'
  | 'mentor.exported'
  | 'mentor.follow-up-assigned'
  | 'quota.created'
  | 'quota.updated'
  | 'quota.deleted'
  | 'quota.figure-reported'
  | 'attendance.exported-unmasked'
  | 'personal-data.downloaded'
  | 'account.deleted'
  | 'personal-data.rekeyed'
  | 'personal-data.viewed';

const account = (p: { userId: string; regionCode: string | null }, details: Record<string, unknown> = {}): AuditTarget => ({
  resourceType: 'user', resourceId: p.userId, regionCode: p.regionCode, details,
});

const booking = (p: { bookingId: string; regionCode: string; eventId: string; employerId: string; employerName: string; boothCode: string | null }, details: Record<string, unknown> = {}): AuditTarget => ({
  resourceType: 'booth_booking', resourceId: p.bookingId, regionCode: p.regionCode,
  details: { eventId: p.eventId, employerId: p.employerId, employerName: p.employerName, boothCode: p.boothCode, ...details },
});

/** What each audited event is about; a new audited event adds one line here. */
const TARGETS: { [N in Audited]: (p: DomainEvent<N>['payload']) => AuditTarget } = {
  // Mentor pool: status, certification, imports, who was assigned to which project (no session notes).
  'mentor.status-changed': (p) => ({ resourceType: 'mentor', resourceId: p.mentorId, regionCode: p.regionCode, details: { name: p.name, from: p.from, to: p.to } }),
  'mentor.certified': (p) => ({ resourceType: 'mentor', resourceId: p.mentorId, regionCode: p.regionCode, details: { name: p.name, certificateNo: p.certificateNo, certifiedOn: p.certifiedOn } }),
  'mentor.imported': (p) => ({
    resourceType: 'mentor_import', resourceId: null, regionCode: p.regionCodes.length === 1 ? p.regionCodes[0]! : null, details: { rows: p.rows, created: p.created, updated: p.updated, regionCodes: p.regionCodes },
  }),
  'mentor.exported': (p) => ({ resourceType: 'mentor_export', resourceId: null, regionCode: p.regionCodes?.length === 1 ? p.regionCodes[0]! : null, details: { rows: p.rows, regionCodes: p.regionCodes } }),
  'mentor.follow-up-assigned': (p) => ({
    resourceType: 'mentor_follow_up', resourceId: p.followUpId, regionCode: p.regionCode, details: { projectId: p.projectId, projectName: p.projectName, mentorId: p.mentorId, status: p.status },
  }),
  // Quota definitions and targets (admins) and reported figures (organizers): every change, with what it was.
  'quota.created': (p) => ({ resourceType: 'quota_definition', resourceId: p.quotaId, regionCode: p.regionCode, details: { name: p.name, year: p.year, target: p.target, values: p.values } }),
  'quota.updated': (p) => ({ resourceType: 'quota_definition', resourceId: p.quotaId, regionCode: p.regionCode, details: { name: p.name, before: p.before, after: p.after } }),
  'quota.deleted': (p) => ({ resourceType: 'quota_definition', resourceId: p.quotaId, regionCode: p.regionCode, details: { name: p.name, values: p.values } }),
  'quota.figure-reported': (p) => ({
    resourceType: 'quota_reported_figure', resourceId: p.quotaId, regionCode: p.regionCode,
    details: { name: p.name, month: p.month, value: p.value, previousValue: p.previousValue, source: p.source },
  }),
  // Hiring decisions: who moved which application; no résumé contents.
  'application.status-changed': (p) => ({
    resourceType: 'job_application', resourceId: p.applicationId, regionCode: p.regionCode,
    details: { postingId: p.postingId, employerId: p.employerId, from: p.from, to: p.to, reason: p.reason },
  }),
  'application.withdrawn': (p) => ({
    resourceType: 'job_application', resourceId: p.applicationId, regionCode: p.regionCode, details: { postingId: p.postingId, employerId: p.employerId, from: p.from },
  }),
  'employer.verified': (p) => ({ resourceType: 'employer', resourceId: p.employerId, regionCode: p.regionCode, details: { name: p.name } }),
  'employer.rejected': (p) => ({ resourceType: 'employer', resourceId: p.employerId, regionCode: p.regionCode, details: { name: p.name, reason: p.reason } }),
  'employer.resubmitted': (p) => ({
    resourceType: 'employer', resourceId: p.employerId, regionCode: p.regionCode, details: { name: p.name, previousRegionCode: p.previousRegionCode },
  }),
  'employer.revoked': (p) => ({ resourceType: 'employer', resourceId: p.employerId, regionCode: p.regionCode, details: { name: p.name, reason: p.reason } }),
  'password.changed': (p) => account(p),
  'password.reset_code_issued': (p) => account(p, { role: p.role, expiresAt: p.expiresAt }),
  'password.reset_code_emailed': (p) => account(p, { role: p.role, expiresAt: p.expiresAt }),
  'password.reset': (p) => account(p),
  'user.deactivated': (p) => account(p, { role: p.role, reason: p.reason }),
  'user.reactivated': (p) => account(p, { role: p.role, reason: p.reason }),
  'staff.created': (p) => ({ resourceType: 'user', resourceId: p.userId, regionCode: p.regionCode, details: { role: p.role, displayName: p.displayName } }),
  'event.cancelled': (p) => ({ resourceType: 'event', resourceId: p.eventId, regionCode: p.regionCode, details: { title: p.title, startsAt: p.startsAt, reason: p.reason } }),
  'event.rescheduled': (p) => ({
    resourceType: 'event', resourceId: p.eventId, regionCode: p.regionCode,
    details: { title: p.title, previousStartsAt: p.previousStartsAt, startsAt: p.startsAt, endsAt: p.endsAt },
  }),
  'holidays.changed': (p) => ({ resourceType: 'holiday_year', resourceId: String(p.year), regionCode: null, details: { days: p.days } }),
  'booth.booking-approved': (p) => booking(p),
  'booth.booking-rejected': (p) => booking(p, { reason: p.reason }),
  'booth.booking-cancelled': (p) => booking(p, { reason: p.reason, byOrganizer: p.byOrganizer }),
  'booth.booking-moved': (p) => booking(p, { previousBoothCode: p.previousBoothCode }),
  'event.kept-on-holiday': (p) => ({ resourceType: 'event', resourceId: p.eventId, regionCode: p.regionCode, details: { title: p.title, date: p.date, holidayName: p.holidayName } }),
  'posting.approved': (p) => ({ resourceType: 'job_posting', resourceId: p.postingId, regionCode: p.regionCode, details: { title: p.title, employerId: p.employerId } }),
  'posting.rejected': (p) => ({
    resourceType: 'job_posting', resourceId: p.postingId, regionCode: p.regionCode, details: { title: p.title, employerId: p.employerId, reason: p.reason },
  }),
  'posting.withdrawn': (p) => ({ resourceType: 'job_posting', resourceId: p.postingId, regionCode: p.regionCode, details: { title: p.title, employerId: p.employerId } }),
  'attendance.exported-unmasked': (p) => ({ resourceType: 'event', resourceId: p.eventId, regionCode: p.regionCode, details: { title: p.title, rows: p.rows } }),
  // Personal data rights (docs/privacy.md): own-data downloads, account deletions (counts only), key rotations.
  'personal-data.viewed': (p) => ({ resourceType: p.subjectType, resourceId: p.subjectId, regionCode: p.regionCode, details: { fields: p.fields } }),
  'personal-data.downloaded': (p) => account(p, { format: p.format }),
  'account.deleted': (p) => account(p, { registrations: p.registrations, applications: p.applications }),
  'personal-data.rekeyed': (p) => ({ resourceType: 'personal_data_key', resourceId: null, regionCode: null, details: { keyId: p.keyId, rows: p.rows, remaining: p.remaining } }),
  'posting.list-changed': (p) => ({
    resourceType: p.list === 'PHRASES' ? 'posting_flag_phrase' : 'urgent_occupation', resourceId: null, regionCode: null,
    details: { change: p.change, value: p.value, category: p.category },
  }),
};

/** Writes the audit log from domain events. Idempotent: one row per domain event (unique source_event_id). */
@Injectable()
export class AuditLogSubscriber {
  constructor(private readonly ds: DataSource) {}

  @OnDomainEvent(Object.keys(TARGETS) as Audited[])
  async write(e: DomainEvent<Audited>): Promise<void> {
    const target = (TARGETS[e.name] as (p: unknown) => AuditTarget)(e.payload);
    await this.ds.query(
      `INSERT INTO audit_log (occurred_at, actor_id, actor_role, action, resource_type, resource_id, region_code, ip_address, details, source_event_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::inet, $9, $10)
       ON CONFLICT (source_event_id) DO NOTHING`,
      [e.occurredAt, e.actor?.id ?? null, e.actor?.role ?? null, e.name satisfies DomainEventName, target.resourceType, target.resourceId,
        target.regionCode, e.ip, { ...target.details, requestId: e.requestId }, e.id],
    );
  }
}
