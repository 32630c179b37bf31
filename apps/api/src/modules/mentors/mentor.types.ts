import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  FOLLOW_UP_OUTCOMES,
  FOLLOW_UP_STATUSES,
  MENTOR_EVENT_ROLES,
  MENTOR_INDUSTRIES,
  MENTOR_STATUSES,
  PROJECT_SOURCES,
  PROJECT_STAGES,
  SESSION_MODES,
  maskPhone,
  type FollowUpOutcome,
  type FollowUpStatus,
  type MentorEventRole,
  type MentorIndustry,
  type MentorStatus,
  type ProjectSource,
  type ProjectStage,
  type SessionMode,
} from '@leye/domain';

const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const MentorStatusEnum = enumOf(MENTOR_STATUSES);
registerEnumType(MentorStatusEnum, { name: 'MentorStatus', description: 'APPLIED (an application awaiting a decision) → ACTIVE ⇄ INACTIVE (retired); REJECTED applications.' });
export const MentorIndustryEnum = enumOf(MENTOR_INDUSTRIES);
registerEnumType(MentorIndustryEnum, { name: 'MentorIndustry' });
export const ProjectStageEnum = enumOf(PROJECT_STAGES);
registerEnumType(ProjectStageEnum, { name: 'ProjectStage', description: 'IDEA, STARTING (registered, first customers), GROWING, EXPANDING.' });
export const ProjectSourceEnum = enumOf(PROJECT_SOURCES);
registerEnumType(ProjectSourceEnum, { name: 'ProjectSource', description: 'Where the project came from: an entrepreneurship contest, an incubator, a guaranteed-loan applicant …' });
export const SessionModeEnum = enumOf(SESSION_MODES);
registerEnumType(SessionModeEnum, { name: 'SessionMode' });
export const FollowUpStatusEnum = enumOf(FOLLOW_UP_STATUSES);
registerEnumType(FollowUpStatusEnum, { name: 'FollowUpStatus', description: 'OFFERED (waiting for the mentor) → ACTIVE → ENDED with an outcome; DECLINED by the mentor.' });
export const FollowUpOutcomeEnum = enumOf(FOLLOW_UP_OUTCOMES);
registerEnumType(FollowUpOutcomeEnum, { name: 'FollowUpOutcome' });
export const MentorEventRoleEnum = enumOf(MENTOR_EVENT_ROLES);
registerEnumType(MentorEventRoleEnum, { name: 'MentorEventRoleKind', description: 'JUDGE or SPEAKER.' });

@ObjectType('MentorExpertiseTag', { description: 'One tag of the maintained expertise taxonomy.' })
export class ExpertiseTagType {
  @Field() code: string;
  @Field() nameZh: string;
  @Field() nameEn: string;
  @Field(() => Int) sort: number;
  @Field() retired: boolean;
}

@ObjectType('MentorStudio', { description: '导师工作室: a recognised mentor studio and how many active mentors belong to it.' })
export class MentorStudioType {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field() regionCode: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) recognizedOn: string | null;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => Int) activeMembers: number;
}

export interface MentorRow {
  id: string;
  userId: string | null;
  name: string;
  organisation: string | null;
  title: string | null;
  expertise: string[];
  industries: MentorIndustry[];
  regionCode: string;
  bio: string | null;
  phone: string | null;
  email: string | null;
  certifiedOn: string | null;
  certificateNo: string | null;
  studioId: string | null;
  studioName: string | null;
  status: MentorStatus;
  capacity: number;
  load: number;
  activeFrom: string | null;
  retiredOn: string | null;
  source: string;
  createdAt: Date;
}

@ObjectType('MentorViewerCan')
export class MentorViewerCanType {
  @Field() manage: boolean;
}

@ObjectType('Mentor', { description: '创业导师: a mentor profile. Phone and e-mail are masked in lists; the single view shows them to those who may manage it and to the mentor.' })
export class MentorType {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) organisation: string | null;
  @Field(() => String, { nullable: true }) title: string | null;
  @Field(() => [String], { description: 'Expertise tag codes (MentorExpertiseTag).' }) expertise: string[];
  @Field(() => [MentorIndustryEnum]) industries: MentorIndustry[];
  @Field() regionCode: string;
  @Field(() => String, { nullable: true }) bio: string | null;
  @Field(() => String, { nullable: true }) phone: string | null;
  @Field(() => String, { nullable: true }) email: string | null;
  @Field(() => String, { nullable: true, description: 'Certification (认定) date, YYYY-MM-DD.' }) certifiedOn: string | null;
  @Field(() => String, { nullable: true }) certificateNo: string | null;
  @Field(() => ID, { nullable: true }) studioId: string | null;
  @Field(() => String, { nullable: true }) studioName: string | null;
  @Field(() => MentorStatusEnum) status: MentorStatus;
  @Field(() => Int, { description: 'How many projects the mentor can follow at once.' }) capacity: number;
  @Field(() => Int, { description: 'Projects followed now (offered or active).' }) load: number;
  @Field({ description: 'Whether the mentor has a MENTOR account to sign in with.' }) hasAccount: boolean;
  @Field(() => String, { nullable: true }) retiredOn: string | null;
  @Field() createdAt: Date;
  @Field(() => MentorViewerCanType) viewerCan: MentorViewerCanType;
}

const maskEmail = (email: string | null) => (email ? email.replace(/^(.).*(@.*)$/, '$1***$2') : null);

export function toMentorType(r: MentorRow, opts: { full: boolean; manage: boolean }): MentorType {
  return Object.assign(new MentorType(), {
    id: r.id,
    name: r.name,
    organisation: r.organisation,
    title: r.title,
    expertise: r.expertise,
    industries: r.industries,
    regionCode: r.regionCode,
    bio: r.bio,
    phone: opts.full ? r.phone : maskPhone(r.phone),
    email: opts.full ? r.email : maskEmail(r.email),
    certifiedOn: r.certifiedOn,
    certificateNo: r.certificateNo,
    studioId: r.studioId,
    studioName: r.studioName,
    status: r.status,
    capacity: r.capacity,
    load: r.load,
    hasAccount: !!r.userId,
    retiredOn: r.retiredOn,
    createdAt: r.createdAt,
    viewerCan: Object.assign(new MentorViewerCanType(), { manage: opts.manage }),
  });
}

@ObjectType('MentorPage')
export class MentorPage {
  @Field(() => Int) total: number;
  @Field(() => [MentorType]) items: MentorType[];
}

@ObjectType('ProjectFounder', { description: 'A founder: a seeker account or a plain name.' })
export class ProjectFounderType {
  @Field() name: string;
  @Field({ description: 'Whether the founder has an account (and can confirm sessions).' }) hasAccount: boolean;
}

@ObjectType('ProjectFollowUpMentor')
export class FollowUpMentorType {
  @Field(() => ID) id: string;
  @Field() name: string;
}

@ObjectType('MentorFollowUp', { description: '护航: a mentor following a project from a start date with goals, until it ends with an outcome.' })
export class FollowUpType {
  @Field(() => ID) id: string;
  @Field(() => ID) projectId: string;
  @Field() projectName: string;
  @Field(() => FollowUpMentorType) mentor: FollowUpMentorType;
  @Field(() => FollowUpStatusEnum) status: FollowUpStatus;
  @Field(() => String, { nullable: true }) goals: string | null;
  @Field({ description: 'YYYY-MM-DD' }) startsOn: string;
  @Field(() => String, { nullable: true }) endedOn: string | null;
  @Field(() => FollowUpOutcomeEnum, { nullable: true }) outcome: FollowUpOutcome | null;
  @Field(() => String, { nullable: true }) outcomeNote: string | null;
}

export interface ProjectRow {
  id: string;
  name: string;
  industry: MentorIndustry;
  stage: ProjectStage;
  regionCode: string;
  source: ProjectSource;
  sourceNote: string | null;
  needs: string | null;
  needTags: string[];
  createdAt: Date;
  founders: Array<{ userId: string | null; name: string }>;
  mentorUserIds: string[];
  mentorNames: string[];
  lastSessionAt: Date | null;
  openFollowUps: number;
}

@ObjectType('StartupProject', { description: '创业项目: a startup project mentors follow.' })
export class ProjectType {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => MentorIndustryEnum) industry: MentorIndustry;
  @Field(() => ProjectStageEnum) stage: ProjectStage;
  @Field() regionCode: string;
  @Field(() => ProjectSourceEnum) source: ProjectSource;
  @Field(() => String, { nullable: true, description: 'e.g. the contest or incubator by name.' }) sourceNote: string | null;
  @Field(() => String, { nullable: true }) needs: string | null;
  @Field(() => [String], { description: 'Expertise tags the project needs help with.' }) needTags: string[];
  @Field(() => [ProjectFounderType]) founders: ProjectFounderType[];
  @Field(() => [String], { description: 'Mentors following it now (offered or active).' }) mentorNames: string[];
  @Field(() => Int) openFollowUps: number;
  @Field(() => Date, { nullable: true, description: 'The latest session logged for it.' }) lastSessionAt: Date | null;
  @Field() createdAt: Date;
}

export const toProjectType = (r: ProjectRow): ProjectType =>
  Object.assign(new ProjectType(), {
    ...r,
    founders: r.founders.map((f) => Object.assign(new ProjectFounderType(), { name: f.name, hasAccount: !!f.userId })),
  });

@ObjectType('StartupProjectPage')
export class ProjectPage {
  @Field(() => Int) total: number;
  @Field(() => [ProjectType]) items: ProjectType[];
}

@ObjectType('MentorMatchReason', { description: 'One part of a suggestion score: EXPERTISE (tags), INDUSTRY, SAME_REGION, CITY_WIDE, FREE_CAPACITY (free places), FULL.' })
export class MatchReasonType {
  @Field() code: string;
  @Field(() => Int) points: number;
  @Field(() => [String], { nullable: true }) tags?: string[];
  @Field(() => Int, { nullable: true }) free?: number;
}

@ObjectType('MentorSuggestion')
export class MentorSuggestionType {
  @Field(() => MentorType) mentor: MentorType;
  @Field(() => Int) score: number;
  @Field() available: boolean;
  @Field(() => [MatchReasonType]) reasons: MatchReasonType[];
}

@ObjectType('CoachingAction', { description: 'A follow-up action agreed in a session, with its due date.' })
export class CoachingActionType {
  @Field(() => ID) id: string;
  @Field() text: string;
  @Field(() => String, { nullable: true }) dueOn: string | null;
  @Field(() => Date, { nullable: true }) doneAt: Date | null;
  @Field(() => ID) sessionId: string;
  @Field() projectName: string;
}

export interface SessionRow {
  id: string;
  mentorId: string;
  mentorName: string;
  mentorUserId: string | null;
  projectId: string;
  projectName: string;
  regionCode: string;
  founderUserIds: string[];
  heldAt: Date;
  durationMinutes: number;
  mode: SessionMode;
  topics: string[];
  advice: string | null;
  nextOn: string | null;
  confirmedAt: Date | null;
  actions: Array<{ id: string; text: string; dueOn: string | null; doneAt: Date | null }>;
}

@ObjectType('CoachingSessionViewerCan')
export class SessionViewerCanType {
  @Field() confirm: boolean;
}

@ObjectType('CoachingSession', { description: 'A coaching session a mentor logged; notes are private to the mentor, the founders and organizers of the region. Statistics count confirmed sessions only.' })
export class SessionType {
  @Field(() => ID) id: string;
  @Field(() => ID) projectId: string;
  @Field() projectName: string;
  @Field(() => ID) mentorId: string;
  @Field() mentorName: string;
  @Field() heldAt: Date;
  @Field(() => Int) durationMinutes: number;
  @Field(() => SessionModeEnum) mode: SessionMode;
  @Field(() => [String]) topics: string[];
  @Field(() => String, { nullable: true }) advice: string | null;
  @Field(() => String, { nullable: true, description: 'The next session, YYYY-MM-DD.' }) nextOn: string | null;
  @Field() confirmed: boolean;
  @Field(() => Date, { nullable: true }) confirmedAt: Date | null;
  @Field(() => [CoachingActionType]) actions: CoachingActionType[];
  @Field(() => SessionViewerCanType) viewerCan: SessionViewerCanType;
}

export const toSessionType = (r: SessionRow, canConfirm: boolean): SessionType =>
  Object.assign(new SessionType(), {
    ...r,
    confirmed: !!r.confirmedAt,
    actions: r.actions.map((a) => Object.assign(new CoachingActionType(), { ...a, sessionId: r.id, projectName: r.projectName })),
    viewerCan: Object.assign(new SessionViewerCanType(), { confirm: canConfirm && !r.confirmedAt }),
  });

@ObjectType('MentorDesk', { description: 'The mentor portal: the own profile, projects followed, open actions, recent sessions.' })
export class MentorDeskType {
  @Field(() => MentorType, { nullable: true, description: 'Null when no mentor profile is linked to this account yet.' }) profile: MentorType | null;
  @Field(() => [FollowUpType]) followUps: FollowUpType[];
  @Field(() => [CoachingActionType], { description: 'Open actions, soonest due first.' }) openActions: CoachingActionType[];
  @Field(() => [SessionType], { description: 'The latest 20 sessions.' }) recentSessions: SessionType[];
}

@ObjectType('MentorMonthFigure')
export class MonthFigureType {
  @Field({ description: 'YYYY-MM (Asia/Shanghai)' }) month: string;
  @Field(() => Int) value: number;
}

@ObjectType('MentorStats', { description: 'Pool size against the ≥100 target, confirmed sessions per month, projects nobody is following.' })
export class MentorStatsType {
  @Field(() => Int, { description: 'Active certified mentors now.' }) poolSize: number;
  @Field(() => Int) poolTarget: number;
  @Field(() => Int) applicationsWaiting: number;
  @Field(() => Int) activeFollowUps: number;
  @Field(() => Int, { description: 'Confirmed sessions in the last 12 months.' }) confirmedSessions: number;
  @Field(() => Int, { description: 'Logged sessions the founder has not confirmed yet.' }) unconfirmedSessions: number;
  @Field(() => [MonthFigureType], { description: 'Confirmed sessions per month, the last 12 months.' }) sessionsByMonth: MonthFigureType[];
  @Field(() => [ProjectType], { description: 'Projects with no session in 60 days (or none at all), oldest first.' }) quietProjects: ProjectType[];
}

@ObjectType('MentorImportRowReport')
export class ImportRowReportType {
  @Field(() => Int, { description: 'Row number in the spreadsheet (the header is row 1).' }) row: number;
  @Field(() => [String], { description: 'Reason codes, e.g. NAME_REQUIRED, UNKNOWN_REGION, UNKNOWN_EXPERTISE:XYZ.' }) reasons: string[];
}

@ObjectType('MentorImportReport', { description: 'What an import did. Any rejected row fails the whole file: then nothing is imported.' })
export class ImportReportType {
  @Field() imported: boolean;
  @Field() dryRun: boolean;
  @Field(() => Int) rows: number;
  @Field(() => Int) created: number;
  @Field(() => Int) updated: number;
  @Field(() => [ImportRowReportType]) rejected: ImportRowReportType[];
}

@ObjectType('MentorEventAssignment', { description: 'A mentor as judge or speaker at an entrepreneurship event, with attendance (null until recorded).' })
export class MentorEventRoleType {
  @Field(() => ID) id: string;
  @Field(() => ID) eventId: string;
  @Field(() => ID) mentorId: string;
  @Field() mentorName: string;
  @Field(() => MentorEventRoleEnum) role: MentorEventRole;
  @Field(() => Boolean, { nullable: true }) attended: boolean | null;
}
