import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor } from '../../common/auth/decorators.js';
import { staffRegionScope } from '../../common/permissions/actor-scope.js';
import { Allow } from '../../common/permissions/allow.decorator.js';
import { Permissions } from '../../common/permissions/permissions.service.js';
import {
  AssignMentorArgs,
  EndFollowUpArgs,
  IdArgs,
  LogSessionInput,
  ProjectIdArgs,
  ProjectInput,
  ProjectListArgs,
  RespondFollowUpArgs,
} from './dtos/mentor.inputs.js';
import { MentorErrors } from './mentor.exception.js';
import {
  CoachingActionType,
  FollowUpMentorType,
  FollowUpType,
  MatchReasonType,
  MentorDeskType,
  MentorSuggestionType,
  ProjectPage,
  ProjectType,
  SessionType,
  toProjectType,
  toSessionType,
  type MentorRow,
  type ProjectRow,
  type SessionRow,
} from './mentor.types.js';
import { MentorsService } from './mentors.service.js';
import { MentorsResolver } from './mentors.resolver.js';
import { ProjectsService, type FollowUpRow } from './projects.service.js';
import { SessionsService } from './sessions.service.js';

const projectResource = (p: ProjectRow) => ({
  regionCode: p.regionCode,
  founderUserIds: p.founders.map((f) => f.userId).filter((id): id is string => !!id),
  mentorUserIds: p.mentorUserIds,
});
const sessionResource = (s: SessionRow) => ({ regionCode: s.regionCode, mentorUserId: s.mentorUserId, founderUserIds: s.founderUserIds });
const followUpResource = (f: FollowUpRow) => ({ regionCode: f.regionCode, mentorUserId: f.mentorUserId, status: f.status });

const toFollowUpType = (f: FollowUpRow): FollowUpType =>
  Object.assign(new FollowUpType(), { ...f, mentor: Object.assign(new FollowUpMentorType(), { id: f.mentorId, name: f.mentorName }) });

@Resolver(() => ProjectType)
export class ProjectsResolver {
  constructor(
    private readonly projects: ProjectsService,
    private readonly sessions: SessionsService,
    private readonly mentors: MentorsService,
    private readonly mentorsResolver: MentorsResolver,
    private readonly permissions: Permissions,
  ) {}

  /** A project the caller may read (covering organizers, founders, its mentors), else NOT_FOUND. */
  private async readable(actor: Actor, id: string): Promise<ProjectRow> {
    const row = await this.projects.findById(id);
    if (!this.permissions.can(actor, 'project.read', projectResource(row))) throw MentorErrors.projectNotFound();
    return row;
  }

  private async ownProfile(actor: Actor): Promise<MentorRow> {
    const profile = await this.mentors.findByUser(actor.id);
    if (!profile) throw MentorErrors.mentorNotFound();
    return profile;
  }

  private sessionView(actor: Actor, s: SessionRow): SessionType {
    return toSessionType(s, this.permissions.can(actor, 'session.confirm', sessionResource(s)));
  }

  @Allow('mentor.library')
  @Query(() => ProjectPage, { description: 'Startup projects of the regions the caller covers, newest first.' })
  async startupProjects(@CurrentActor() actor: Actor, @Args() args: ProjectListArgs): Promise<ProjectPage> {
    const page = await this.projects.list(args, staffRegionScope(actor));
    return Object.assign(new ProjectPage(), { total: page.total, items: page.items.map(toProjectType) });
  }

  @Query(() => ProjectType, { description: 'One project: covering organizers, its founders, its mentors. Others: NOT_FOUND.' })
  async startupProject(@CurrentActor() actor: Actor, @Args() { projectId }: ProjectIdArgs): Promise<ProjectType> {
    return toProjectType(await this.readable(actor, projectId));
  }

  @Mutation(() => ProjectType, { description: 'Adds a startup project in a region the caller covers; founders are names, optionally linked to seeker accounts (mobile or e-mail).' })
  async createStartupProject(@CurrentActor() actor: Actor, @Args('input') input: ProjectInput): Promise<ProjectType> {
    this.permissions.require(actor, 'project.create', { regionCode: input.regionCode });
    return toProjectType(await this.projects.create(actor, input));
  }

  @Query(() => [MentorSuggestionType], { description: 'Active mentors ranked for the project (expertise, industry, region, load), with the reasons: organizers covering its region.' })
  async mentorSuggestions(@CurrentActor() actor: Actor, @Args() { projectId }: ProjectIdArgs): Promise<MentorSuggestionType[]> {
    const project = await this.readable(actor, projectId);
    this.permissions.require(actor, 'project.manage', { regionCode: project.regionCode });
    return (await this.projects.suggestions(project)).map((s) =>
      Object.assign(new MentorSuggestionType(), {
        mentor: this.mentorsResolver.view(actor, s.mentor, false),
        score: s.score,
        available: s.available,
        reasons: s.reasons.map((r) => Object.assign(new MatchReasonType(), r)),
      }),
    );
  }

  @Query(() => [FollowUpType], { description: "A project's follow-ups (who follows it, since when, with what outcome)." })
  async projectFollowUps(@CurrentActor() actor: Actor, @Args() { projectId }: ProjectIdArgs): Promise<FollowUpType[]> {
    await this.readable(actor, projectId);
    return (await this.projects.followUpsOfProject(projectId)).map(toFollowUpType);
  }

  @Mutation(() => FollowUpType, {
    description: 'An organizer covering the project assigns a mentor (ACTIVE) or offers the project (OFFERED, the mentor accepts). CONFLICT MENTOR_AT_CAPACITY when the mentor already follows as many projects as their capacity (race-safe).',
  })
  async assignMentor(@CurrentActor() actor: Actor, @Args() args: AssignMentorArgs): Promise<FollowUpType> {
    const project = await this.readable(actor, args.projectId);
    this.permissions.require(actor, 'project.manage', { regionCode: project.regionCode });
    return toFollowUpType(await this.projects.assign(actor, args));
  }

  @Mutation(() => FollowUpType, { description: 'The offered mentor accepts (the follow-up starts) or declines.' })
  async respondToFollowUp(@CurrentActor() actor: Actor, @Args() { id, accept }: RespondFollowUpArgs): Promise<FollowUpType> {
    const f = await this.projects.followUp(id);
    if (!this.permissions.can(actor, 'followUp.respond', f) && !this.permissions.can(actor, 'followUp.end', followUpResource(f))) throw MentorErrors.followUpNotFound();
    this.permissions.require(actor, 'followUp.respond', followUpResource(f));
    return toFollowUpType(await this.projects.respond(id, accept));
  }

  @Mutation(() => FollowUpType, { description: 'Ends an active follow-up with an outcome: its mentor or organizers covering the project.' })
  async endFollowUp(@CurrentActor() actor: Actor, @Args() { id, outcome, note }: EndFollowUpArgs): Promise<FollowUpType> {
    const f = await this.projects.followUp(id);
    if (!this.permissions.can(actor, 'followUp.end', followUpResource(f))) throw MentorErrors.followUpNotFound();
    return toFollowUpType(await this.projects.end(id, outcome, note));
  }

  @Query(() => [SessionType], { description: "A project's sessions with notes: covering organizers and its founders see all; a mentor sees their own." })
  async projectSessions(@CurrentActor() actor: Actor, @Args() { projectId }: ProjectIdArgs): Promise<SessionType[]> {
    const project = await this.readable(actor, projectId);
    const seesAll = this.permissions.can(actor, 'project.manage', { regionCode: project.regionCode }) || projectResource(project).founderUserIds.includes(actor.id);
    const mentorId = seesAll ? null : (await this.ownProfile(actor)).id;
    return (await this.sessions.ofProject(projectId, mentorId)).map((s) => this.sessionView(actor, s));
  }

  @Mutation(() => SessionType, {
    description: 'The mentor logs a session of a project they follow now (one short form; defaults: now, 60 minutes, on site). A project they do not follow: NOT_FOUND.',
  })
  async logCoachingSession(@CurrentActor() actor: Actor, @Args('input') input: LogSessionInput): Promise<SessionType> {
    this.permissions.require(actor, 'mentor.portal');
    const profile = await this.ownProfile(actor);
    const followUp = await this.projects.openFollowUp(profile.id, input.projectId);
    if (!followUp) throw MentorErrors.projectNotFound();
    if (!this.permissions.can(actor, 'session.log', followUpResource(followUp))) throw MentorErrors.notFollowing();
    return this.sessionView(actor, await this.sessions.log(profile.id, input));
  }

  @Mutation(() => SessionType, { description: 'A founder of the project confirms the session happened (once); only confirmed sessions count in statistics.' })
  async confirmCoachingSession(@CurrentActor() actor: Actor, @Args() { id }: IdArgs): Promise<SessionType> {
    const s = await this.sessions.findById(id);
    const project = await this.readable(actor, s.projectId).catch(() => null);
    if (!project) throw MentorErrors.sessionNotFound();
    this.permissions.require(actor, 'session.confirm', sessionResource(s));
    return this.sessionView(actor, await this.sessions.confirm(id, actor.id));
  }

  @Mutation(() => CoachingActionType, { description: "The mentor marks one of their sessions' follow-up actions done (or open again)." })
  async setCoachingActionDone(@CurrentActor() actor: Actor, @Args() { id }: IdArgs, @Args('done', { defaultValue: true }) done: boolean): Promise<CoachingActionType> {
    const session = await this.sessions.findById(await this.sessions.actionSession(id));
    if (!this.permissions.can(actor, 'session.manageActions', sessionResource(session))) throw MentorErrors.sessionNotFound();
    await this.sessions.completeAction(id, done);
    const updated = await this.sessions.findById(session.id);
    const action = updated.actions.find((a) => a.id === id)!;
    return Object.assign(new CoachingActionType(), { ...action, sessionId: session.id, projectName: session.projectName });
  }

  @Allow('mentor.portal')
  @Query(() => MentorDeskType, { description: 'The mentor portal: own profile, projects followed (offers first), open actions, recent sessions.' })
  async myMentorDesk(@CurrentActor() actor: Actor): Promise<MentorDeskType> {
    const profile = await this.mentors.findByUser(actor.id);
    if (!profile) return Object.assign(new MentorDeskType(), { profile: null, followUps: [], openActions: [], recentSessions: [] });
    const [followUps, actions, sessions] = await Promise.all([
      this.projects.followUpsOfMentor(profile.id),
      this.sessions.openActions(profile.id),
      this.sessions.ofMentor(profile.id),
    ]);
    return Object.assign(new MentorDeskType(), {
      profile: this.mentorsResolver.view(actor, profile, true),
      followUps: followUps.map(toFollowUpType),
      openActions: actions.map((a: CoachingActionType) => Object.assign(new CoachingActionType(), a)),
      recentSessions: sessions.map((s) => this.sessionView(actor, s)),
    });
  }

  @Allow('project.founderView')
  @Query(() => [SessionType], { description: 'Sessions of the projects the caller founded, unconfirmed first (to confirm them).' })
  async myFounderSessions(@CurrentActor() actor: Actor): Promise<SessionType[]> {
    return (await this.sessions.ofFounder(actor.id)).map((s) => this.sessionView(actor, s));
  }

  @Allow('project.founderView')
  @Query(() => [ProjectType], { description: 'The projects the caller founded.' })
  async myFoundedProjects(@CurrentActor() actor: Actor): Promise<ProjectType[]> {
    return (await this.projects.founded(actor.id)).map(toProjectType);
  }
}
