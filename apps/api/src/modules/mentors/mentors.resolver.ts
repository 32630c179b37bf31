import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CITY_REGION_CODE } from '@leye/domain';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Public } from '../../common/auth/decorators.js';
import { coversRegion, staffRegionScope } from '../../common/permissions/actor-scope.js';
import { Allow } from '../../common/permissions/allow.decorator.js';
import { Permissions } from '../../common/permissions/permissions.service.js';
import { forbidden } from '../../common/errors/app-error.js';
import { UnmaskedViews } from '../../common/domain-events/unmasked-views.js';
import {
  CertifyMentorArgs,
  DecideApplicationArgs,
  IdArgs,
  ImportMentorsArgs,
  MentorAccountArgs,
  MentorApplicationInput,
  MentorInput,
  MentorListArgs,
  SaveStudioArgs,
  SaveTagArgs,
  StatsArgs,
  UpdateMentorArgs,
} from './dtos/mentor.inputs.js';
import { MentorErrors } from './mentor.exception.js';
import {
  ExpertiseTagType,
  ImportReportType,
  MentorPage,
  MentorStatsType,
  MentorStudioType,
  MentorType,
  toMentorType,
  toProjectType,
  type MentorRow,
} from './mentor.types.js';
import { MentorsService } from './mentors.service.js';
import { SessionsService } from './sessions.service.js';

export const mentorResource = (m: MentorRow) => ({ regionCode: m.regionCode, userId: m.userId });

/** The region scope a statistic or list is computed over: one covered region (the city: all), or all the caller covers. */
export function statsScope(actor: Actor, regionCode: string | undefined): string[] | null {
  if (!regionCode) return staffRegionScope(actor);
  if (!coversRegion(actor, regionCode)) throw forbidden();
  return regionCode === CITY_REGION_CODE ? null : [regionCode];
}

@Resolver(() => MentorType)
export class MentorsResolver {
  constructor(
    private readonly pool: MentorsService,
    private readonly sessions: SessionsService,
    private readonly permissions: Permissions,
    private readonly unmaskedViews: UnmaskedViews,
  ) {}

  view(actor: Actor | undefined, row: MentorRow, full: boolean): MentorType {
    const canRead = this.permissions.can(actor, 'mentor.read', mentorResource(row));
    return toMentorType(row, { full: full && canRead, manage: this.permissions.can(actor, 'mentor.manage', mentorResource(row)) });
  }

  /** A profile the caller may read, else NOT_FOUND (another county's mentor does not exist for it). */
  private async readable(actor: Actor, id: string): Promise<MentorRow> {
    const row = await this.pool.findById(id);
    if (!this.permissions.can(actor, 'mentor.read', mentorResource(row))) throw MentorErrors.mentorNotFound();
    return row;
  }

  private async manageable(actor: Actor, id: string): Promise<MentorRow> {
    const row = await this.readable(actor, id);
    this.permissions.require(actor, 'mentor.manage', mentorResource(row));
    return row;
  }

  @Public()
  @Query(() => [ExpertiseTagType], { description: 'The expertise taxonomy (current tags; staff may ask for retired ones too).' })
  async mentorExpertiseTags(@CurrentActor() actor: Actor | undefined, @Args('includeRetired', { defaultValue: false }) includeRetired: boolean): Promise<ExpertiseTagType[]> {
    const rows = await this.pool.tags(includeRetired && this.permissions.can(actor, 'mentor.taxonomy.manage'));
    return rows.map((r) => Object.assign(new ExpertiseTagType(), r));
  }

  @Allow('mentor.taxonomy.manage')
  @Mutation(() => ExpertiseTagType, { description: 'Adds or renames an expertise tag, or retires it (staff).' })
  async saveMentorExpertiseTag(@Args() args: SaveTagArgs): Promise<ExpertiseTagType> {
    return Object.assign(new ExpertiseTagType(), await this.pool.saveTag(args));
  }

  @Allow('mentor.library')
  @Query(() => [MentorStudioType], { description: 'Mentor studios (导师工作室) of the regions the caller covers.' })
  async mentorStudios(@CurrentActor() actor: Actor): Promise<MentorStudioType[]> {
    return (await this.pool.studios(staffRegionScope(actor))).map((s: MentorStudioType) => Object.assign(new MentorStudioType(), s));
  }

  @Mutation(() => MentorStudioType, { description: 'Creates or edits a studio, in a region the caller covers.' })
  async saveMentorStudio(@CurrentActor() actor: Actor, @Args() { id, input }: SaveStudioArgs): Promise<MentorStudioType> {
    if (id) {
      const region = await this.pool.studioRegion(id);
      this.permissions.require(actor, 'mentor.studio.manage', { regionCode: region });
    }
    this.permissions.require(actor, 'mentor.studio.manage', { regionCode: input.regionCode });
    return Object.assign(new MentorStudioType(), await this.pool.saveStudio(id, input));
  }

  @Allow('mentor.library')
  @Query(() => MentorPage, { description: 'The mentor library of the regions the caller covers; contact masked.' })
  async mentors(@CurrentActor() actor: Actor, @Args() args: MentorListArgs): Promise<MentorPage> {
    const page = await this.pool.list(args, staffRegionScope(actor));
    return Object.assign(new MentorPage(), { total: page.total, items: page.items.map((r) => this.view(actor, r, false)) });
  }

  @Query(() => MentorType, { description: 'One mentor, contact in full: organizers covering its region, or the mentor. Others: NOT_FOUND.' })
  async mentor(@CurrentActor() actor: Actor, @Args() { id }: IdArgs): Promise<MentorType> {
    const row = await this.readable(actor, id);
    // An organizer sees the mentor's phone and e-mail in full: audited (docs/privacy.md#audit); the mentor's own view is not.
    if (row.userId !== actor.id && (row.phone || row.email)) {
      await this.unmaskedViews.record(actor, { type: 'mentor', id: row.id, regionCode: row.regionCode, fields: ['phone', 'email'] });
    }
    return this.view(actor, row, true);
  }

  @Public()
  @Mutation(() => Boolean, { description: 'The public "apply to be a mentor" form; organizers of the region decide. CONFLICT MENTOR_PHONE_TAKEN for a number already in the pool.' })
  async applyAsMentor(@Args('input') input: MentorApplicationInput): Promise<boolean> {
    await this.pool.apply(input);
    return true;
  }

  @Mutation(() => MentorType, { description: 'Adds a mentor (ACTIVE from today) in a region the caller covers.' })
  async createMentor(@CurrentActor() actor: Actor, @Args('input') input: MentorInput): Promise<MentorType> {
    this.permissions.require(actor, 'mentor.manage', { regionCode: input.regionCode, userId: null });
    return this.view(actor, await this.pool.create(input), true);
  }

  @Mutation(() => MentorType, { description: 'Edits a profile (both the old and the new region must be covered). Phone and e-mail left empty keep their values (lists show them masked).' })
  async updateMentor(@CurrentActor() actor: Actor, @Args() { id, input }: UpdateMentorArgs): Promise<MentorType> {
    await this.manageable(actor, id);
    this.permissions.require(actor, 'mentor.manage', { regionCode: input.regionCode, userId: null });
    return this.view(actor, await this.pool.update(id, input), true);
  }

  @Mutation(() => MentorType, { description: 'Approves (ACTIVE from today) or rejects an application; once (CONFLICT MENTOR_STATUS_CONFLICT after).' })
  async decideMentorApplication(@CurrentActor() actor: Actor, @Args() { id, approve }: DecideApplicationArgs): Promise<MentorType> {
    await this.manageable(actor, id);
    return this.view(actor, await this.pool.decide(actor, id, approve), true);
  }

  @Mutation(() => MentorType, { description: 'Records the certification (认定): date and certificate number. Only certified active mentors count in the pool.' })
  async certifyMentor(@CurrentActor() actor: Actor, @Args() { id, certificateNo, certifiedOn }: CertifyMentorArgs): Promise<MentorType> {
    await this.manageable(actor, id);
    return this.view(actor, await this.pool.certify(actor, id, certificateNo, certifiedOn), true);
  }

  @Mutation(() => MentorType, { description: 'Retires an active mentor (INACTIVE from today; out of the pool).' })
  async retireMentor(@CurrentActor() actor: Actor, @Args() { id }: IdArgs): Promise<MentorType> {
    await this.manageable(actor, id);
    return this.view(actor, await this.pool.setActive(actor, id, false), true);
  }

  @Mutation(() => MentorType, { description: 'Brings a retired mentor back (ACTIVE from today).' })
  async reactivateMentor(@CurrentActor() actor: Actor, @Args() { id }: IdArgs): Promise<MentorType> {
    await this.manageable(actor, id);
    return this.view(actor, await this.pool.setActive(actor, id, true), true);
  }

  @Mutation(() => MentorType, { description: "Gives the mentor a MENTOR account (signs in with the profile's mobile or e-mail; must change the password first)." })
  async createMentorAccount(@CurrentActor() actor: Actor, @Args() { id, password }: MentorAccountArgs): Promise<MentorType> {
    const row = await this.manageable(actor, id);
    return this.view(actor, await this.pool.createAccount(actor, row, password), true);
  }

  @Allow('mentor.import')
  @Mutation(() => ImportReportType, {
    description:
      'Imports an .xlsx of mentors (template: GET /exports/mentors-template.xlsx): creates or updates by certificate number, else mobile. All or nothing: any rejected row (listed with its row number and reasons) means nothing is imported; an unreadable file or missing columns are BAD_USER_INPUT.',
  })
  async importMentors(@CurrentActor() actor: Actor, @Args() { fileBase64, dryRun }: ImportMentorsArgs): Promise<ImportReportType> {
    const buffer = Buffer.from(fileBase64, 'base64');
    if (!buffer.length) throw MentorErrors.importUnreadable();
    const report = await this.pool.importSheet(actor, buffer, dryRun);
    return Object.assign(new ImportReportType(), report);
  }

  @Allow('mentor.library')
  @Query(() => MentorStatsType, { description: 'Pool size against the target, sessions per month, projects with no session in 60 days.' })
  async mentorStats(@CurrentActor() actor: Actor, @Args() { regionCode }: StatsArgs): Promise<MentorStatsType> {
    const stats = await this.sessions.stats(statsScope(actor, regionCode));
    return Object.assign(new MentorStatsType(), { ...stats, quietProjects: stats.quietProjects.map(toProjectType) });
  }
}
