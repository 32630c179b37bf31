import { coversRegion, isCityWide } from '../../common/permissions/actor-scope.js';
import type { RuleSet } from '../../common/permissions/permission.types.js';

/** An event as the attendance rules see it: its region and the accounts on door duty there. */
export interface AttendanceEventResource {
  regionCode: string;
  doorVolunteerIds: readonly string[];
}

/** A registration and whose it is. */
export interface RegistrationResource {
  userId: string | null;
}

/** A booth booking at a fair: the fair's region and the exhibiting employer. */
export interface BoothOutcomeResource {
  regionCode: string;
  employerId: string;
}

declare module '../../common/permissions/permission.types.js' {
  interface ActionResources {
    /** Registering for events, the own profile, the own registrations and tickets: seekers. */
    'attendance.register': undefined;
    /** Acting on one registration (ticket, cancel): the seeker it belongs to. */
    'attendance.ownRegistration': RegistrationResource;
    /** The check-in station of one event: scan, walk-ins, employer check-in. Door volunteers of that event, or organizers covering it. */
    'attendance.scan': AttendanceEventResource;
    /** Gates, door volunteers, conflicts, figures, employer outcomes of an event: organizers covering its region. */
    'attendance.manage': { regionCode: string };
    /** The attendance list as Excel with phone and ID number in full: admins and city-wide organizers only. */
    'attendance.exportUnmasked': { regionCode: string };
    /** Recording an employer's fair outcome (résumés, interviews, hiring intents): the employer itself or the fair's organizers. */
    'attendance.recordOutcome': BoothOutcomeResource;
  }
}

type AttendanceAction =
  | 'attendance.register' | 'attendance.ownRegistration' | 'attendance.scan' | 'attendance.manage' | 'attendance.exportUnmasked' | 'attendance.recordOutcome';

/**
 * Attendance (docs/attendance.md#permissions). The door volunteer grant is per event and only for the
 * check-in station: an account on an event's door duty (`attendance_door_volunteer`) may scan, register
 * walk-ins and check employers in at that event, and nothing else anywhere (no lists, no export, no
 * other event). Organizers act on the events of the regions they cover.
 */
export const attendanceRules: RuleSet<AttendanceAction> = {
  'attendance.register': (actor) => actor?.role === 'SEEKER',
  'attendance.ownRegistration': (actor, r) => actor?.role === 'SEEKER' && r.userId === actor.id,
  'attendance.scan': (actor, e) => coversRegion(actor, e.regionCode) || (!!actor && e.doorVolunteerIds.includes(actor.id)),
  'attendance.manage': (actor, e) => coversRegion(actor, e.regionCode),
  'attendance.exportUnmasked': (actor, e) => isCityWide(actor) && coversRegion(actor, e.regionCode),
  'attendance.recordOutcome': (actor, b) => coversRegion(actor, b.regionCode) || (actor?.role === 'EMPLOYER' && actor.employerId === b.employerId),
};
