import { coversRegion, isStaff } from '../../common/permissions/actor-scope.js';
import type { RuleSet } from '../../common/permissions/permission.types.js';

/** A mentor profile as the rules see it: its region and the MENTOR account it belongs to (if any). */
export interface MentorResource {
  regionCode: string;
  userId: string | null;
}

/** A startup project: its region, founders' accounts and the accounts of mentors following it (offered, active or ended). */
export interface ProjectResource {
  regionCode: string;
  founderUserIds: readonly string[];
  mentorUserIds: readonly string[];
}

/** A follow-up: the project's region and the mentor's account. */
export interface FollowUpResource {
  regionCode: string;
  mentorUserId: string | null;
  status: string;
}

/** A coaching session: its mentor's account, the project's founders and region. */
export interface SessionResource {
  regionCode: string;
  mentorUserId: string | null;
  founderUserIds: readonly string[];
}

declare module '../../common/permissions/permission.types.js' {
  interface ActionResources {
    /** The mentor library, statistics, exports, the project list: staff (lists limited to covered regions). */
    'mentor.library': undefined;
    /** One full profile (contact unmasked): organizers covering its region, or the mentor themself. */
    'mentor.read': MentorResource;
    /** Create, edit, certify, retire, reactivate, decide applications, give an account: organizers covering its region. */
    'mentor.manage': MentorResource;
    /** Importing a spreadsheet: staff (each row must be in a covered region). */
    'mentor.import': undefined;
    /** The expertise taxonomy: staff edit it. */
    'mentor.taxonomy.manage': undefined;
    /** Studios (导师工作室): organizers covering the studio's region. */
    'mentor.studio.manage': { regionCode: string };
    /** The mentor portal ("my projects", sessions, actions): MENTOR accounts. */
    'mentor.portal': undefined;
    /** Founders' sessions to confirm: any signed-in account (it sees the projects it founded only). */
    'project.founderView': undefined;
    'project.create': { regionCode: string };
    /** A project and its sessions' notes: covering organizers, its founders, its mentors (their own sessions only). */
    'project.read': ProjectResource;
    /** Suggestions and assigning mentors: organizers covering its region. */
    'project.manage': { regionCode: string };
    /** Accept or decline an offered follow-up: the offered mentor. */
    'followUp.respond': FollowUpResource;
    /** End a follow-up with an outcome: its mentor or organizers covering the project's region. */
    'followUp.end': FollowUpResource;
    /** Log a session: the mentor actively following the project (checked with the follow-up). */
    'session.log': FollowUpResource;
    /** Confirm that a session happened: one of the project's founders. */
    'session.confirm': SessionResource;
    /** Mark one of the session's actions done: its mentor. */
    'session.manageActions': SessionResource;
    /** Mentors as judges or speakers at an event, and their attendance: organizers covering the event's region. */
    'mentor.eventRole': { regionCode: string };
  }
}

type MentorAction =
  | 'mentor.library'
  | 'mentor.read'
  | 'mentor.manage'
  | 'mentor.import'
  | 'mentor.taxonomy.manage'
  | 'mentor.studio.manage'
  | 'mentor.portal'
  | 'project.founderView'
  | 'project.create'
  | 'project.read'
  | 'project.manage'
  | 'followUp.respond'
  | 'followUp.end'
  | 'session.log'
  | 'session.confirm'
  | 'session.manageActions'
  | 'mentor.eventRole';

const self = (actor: { id: string } | undefined, userId: string | null) => !!actor && !!userId && actor.id === userId;

/** Mentor pool and coaching (clause 十二): organizers of the region manage, mentors their own work, founders confirm. */
export const mentorRules: RuleSet<MentorAction> = {
  'mentor.library': (actor) => isStaff(actor),
  'mentor.read': (actor, m) => coversRegion(actor, m.regionCode) || self(actor, m.userId),
  'mentor.manage': (actor, m) => coversRegion(actor, m.regionCode),
  'mentor.import': (actor) => isStaff(actor),
  'mentor.taxonomy.manage': (actor) => isStaff(actor),
  'mentor.studio.manage': (actor, s) => coversRegion(actor, s.regionCode),
  'mentor.portal': (actor) => actor?.role === 'MENTOR',
  'project.founderView': (actor) => !!actor,
  'project.create': (actor, p) => coversRegion(actor, p.regionCode),
  'project.read': (actor, p) => coversRegion(actor, p.regionCode) || (!!actor && (p.founderUserIds.includes(actor.id) || p.mentorUserIds.includes(actor.id))),
  'project.manage': (actor, p) => coversRegion(actor, p.regionCode),
  'followUp.respond': (actor, f) => actor?.role === 'MENTOR' && self(actor, f.mentorUserId),
  'followUp.end': (actor, f) => coversRegion(actor, f.regionCode) || (actor?.role === 'MENTOR' && self(actor, f.mentorUserId)),
  'session.log': (actor, f) => actor?.role === 'MENTOR' && self(actor, f.mentorUserId) && f.status === 'ACTIVE',
  'session.confirm': (actor, s) => !!actor && s.founderUserIds.includes(actor.id),
  'session.manageActions': (actor, s) => actor?.role === 'MENTOR' && self(actor, s.mentorUserId),
  'mentor.eventRole': (actor, e) => coversRegion(actor, e.regionCode),
};
