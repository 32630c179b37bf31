import { Args, Context, Info, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Actor } from '../../../common/auth/actor.js';
import { CurrentActor, Public } from '../../../common/auth/decorators.js';
import { notFound } from '../../../common/errors/app-error.js';
import { EditScope } from '../event.enums.js';
import type { GraphQLContext } from '../../../common/graphql/loaders.js';
import { isStaff, staffRegionScope } from '../../../common/permissions/actor-scope.js';
import { Permissions } from '../../../common/permissions/permissions.service.js';
import { EmployerType, toEmployerType } from '../../employers/employer.type.js';
import { RegionType, toRegionType } from '../../regions/region.type.js';
import { UserType, toUserType } from '../../users/user.type.js';
import { VenueType, toVenueType } from '../../venues/venue.type.js';
import {
  AssignableStaffArgs,
  AssignStaffArgs,
  CancelEventArgs,
  CreateEventArgs,
  EventIdArgs,
  EventListArgs,
  PublishEventArgs,
  RescheduleEventArgs,
  UpdateEventArgs,
} from '../dtos/event.inputs.js';
import type { EventEntity } from '../event.entity.js';
import type { EmployerEntity } from '../../employers/employer.entity.js';
import type { UserEntity } from '../../users/user.entity.js';
import { CoHostBodyType, EventDetailsType, EventPage, EventSeriesSummaryType, EventType_, toCoHostBodyType, toEventType } from '../event.types.js';
import { EventViewerCanType } from '../event-viewer-can.type.js';
import { decodeEventCursor } from './event-cursor.js';
import { selectsField, toEventPage } from './event-list.resolver.js';
import { EventSeriesService } from '../series/event-series.service.js';
import { SeriesEditsService } from '../series/series-edits.service.js';
import { EventsService, type EventQuery } from './events.service.js';
import { EventReferences } from '../event-references.js';

const LIVE = new Set(['DRAFT', 'PUBLISHED']);

@Resolver(() => EventType_)
export class EventsResolver {
  constructor(
    private readonly eventService: EventsService,
    private readonly seriesService: EventSeriesService,
    private readonly seriesEdits: SeriesEditsService,
    private readonly permissions: Permissions,
    private readonly references: EventReferences,
  ) {}

  /** Loads the event; one the caller may not even read is NOT_FOUND, one it may read but not change FORBIDDEN. */
  private async load(actor: Actor | undefined, id: string): Promise<EventEntity> {
    const event = await this.eventService.findById(id);
    if (!this.permissions.can(actor, 'event.read', event)) throw notFound('Event');
    return event;
  }

  @Public()
  @Query(() => EventPage, { description: 'The calendar. Anyone sees published events; organizers also see drafts in their region.' })
  async events(@CurrentActor() actor: Actor | undefined, @Args() args: EventListArgs, @Info() info: GraphQLResolveInfo): Promise<EventPage> {
    // The list filter mirrors `event.read`: published, or a draft in a region the caller covers.
    const staffScope = isStaff(actor) ? staffRegionScope(actor) : 'PUBLIC';
    const query: EventQuery = { ...args.filter, staffScope, take: args.take, skip: args.skip, after: args.after ? decodeEventCursor(args.after) : null };
    const page = await this.eventService.list(query, { withTotal: selectsField(info, 'total') });
    return toEventPage(page);
  }

  @Public()
  @Query(() => EventType_)
  async event(@CurrentActor() actor: Actor | undefined, @Args() { id }: EventIdArgs): Promise<EventType_> {
    return toEventType(await this.load(actor, id));
  }

  @Mutation(() => EventType_)
  async createEvent(@CurrentActor() actor: Actor, @Args() { input, publish, allowPastStart }: CreateEventArgs): Promise<EventType_> {
    this.permissions.require(actor, 'event.create', input);
    await this.references.requireUsable(actor, { venueId: input.isOnline ? null : input.venueId, delegationEmployerIds: input.details?.delegationEmployerIds });
    return toEventType(await this.eventService.create(actor, input, publish, allowPastStart));
  }

  @Mutation(() => [EventType_], { description: 'Edits this occurrence, this and the following ones, or the whole series; returns what changed.' })
  async updateEvent(@CurrentActor() actor: Actor, @Args() { id, input, scope }: UpdateEventArgs): Promise<EventType_[]> {
    const event = await this.load(actor, id);
    this.permissions.require(actor, 'event.update', event);
    await this.references.requireUsable(actor, { venueId: input.isOnline ? null : input.venueId, delegationEmployerIds: input.details?.delegationEmployerIds });
    const changed = scope === EditScope.THIS ? await this.eventService.update(actor, event, input) : await this.seriesEdits.update(actor, event, input, scope);
    return changed.map(toEventType);
  }

  @Mutation(() => [EventType_])
  async publishEvent(@CurrentActor() actor: Actor, @Args() { id, scope }: PublishEventArgs): Promise<EventType_[]> {
    const event = await this.load(actor, id);
    this.permissions.require(actor, 'event.publish', event);
    return (await this.eventService.publish(event, scope)).map(toEventType);
  }

  @Mutation(() => EventType_, { description: 'Cancels one occurrence with a reason; everyone attached is notified.' })
  async cancelEvent(@CurrentActor() actor: Actor, @Args() { id, reason }: CancelEventArgs): Promise<EventType_> {
    this.permissions.require(actor, 'event.cancel', await this.load(actor, id));
    return toEventType(await this.eventService.cancel(actor, id, reason));
  }

  @Mutation(() => EventType_, { description: 'Moves one occurrence; its registrations and bookings move with it.' })
  async rescheduleEvent(@CurrentActor() actor: Actor, @Args() { id, startsAt, endsAt, allowPastStart }: RescheduleEventArgs): Promise<EventType_> {
    const event = await this.load(actor, id);
    this.permissions.require(actor, 'event.reschedule', event);
    return toEventType(await this.eventService.reschedule(actor, event, startsAt, endsAt, allowPastStart));
  }

  @Mutation(() => EventType_, { description: 'Marks a published event that has started as COMPLETED.' })
  async completeEvent(@CurrentActor() actor: Actor, @Args() { id }: EventIdArgs): Promise<EventType_> {
    this.permissions.require(actor, 'event.complete', await this.load(actor, id));
    return toEventType(await this.eventService.complete(id));
  }

  @Mutation(() => EventType_, { description: 'Assigns staff (organizers, mentors, hosts of regions the caller covers) to an event: they are attached to it.' })
  async assignEventStaff(@CurrentActor() actor: Actor, @Args() { eventId, userId }: AssignStaffArgs): Promise<EventType_> {
    const event = await this.load(actor, eventId);
    this.permissions.require(actor, 'event.assignStaff', event);
    await this.references.requireStaffCandidate(actor, userId);
    return toEventType(await this.eventService.assignStaff(event, userId));
  }

  @Query(() => [UserType], { description: 'The people the caller may put on this event\'s staff (not yet on it), answered by the `event.staffCandidate` rule.' })
  async assignableEventStaff(@CurrentActor() actor: Actor, @Args() { eventId, search }: AssignableStaffArgs, @Context() ctx: GraphQLContext): Promise<UserType[]> {
    const event = await this.load(actor, eventId);
    this.permissions.require(actor, 'event.assignStaff', event);
    const ids = (await this.eventService.staffCandidates(event, search)).filter((u) => this.permissions.can(actor, 'event.staffCandidate', u)).map((u) => u.id);
    const users = await ctx.loaders.user.loadMany(ids);
    return users.filter((u): u is UserEntity => !!u && !(u instanceof Error)).map((u) => toUserType(u, { maskContact: true }));
  }

  @Mutation(() => EventType_, { description: 'Takes a person off an event\'s staff.' })
  async unassignEventStaff(@CurrentActor() actor: Actor, @Args() { eventId, userId }: AssignStaffArgs): Promise<EventType_> {
    const event = await this.load(actor, eventId);
    this.permissions.require(actor, 'event.assignStaff', event);
    // Only whom the caller could have put on the staff (a county organizer does not remove the city's people).
    await this.references.requireStaffCandidate(actor, userId);
    return toEventType(await this.eventService.unassignStaff(event, userId));
  }

  @ResolveField(() => EventViewerCanType, { description: 'What the caller may do with this event now (permission and state).' })
  viewerCan(@Parent() e: EventType_, @Context() ctx: GraphQLContext): EventViewerCanType {
    const actor = ctx.req.actor;
    const can = (action: 'event.update' | 'event.publish' | 'event.cancel' | 'event.reschedule' | 'event.complete' | 'event.assignStaff') =>
      this.permissions.can(actor, action, { regionCode: e.regionCode, publishedAt: null });
    const live = LIVE.has(e.status);
    return Object.assign(new EventViewerCanType(), {
      update: live && can('event.update'),
      publish: e.status === 'DRAFT' && can('event.publish'),
      cancel: live && can('event.cancel'),
      reschedule: live && can('event.reschedule'),
      complete: e.status === 'PUBLISHED' && e.startsAt.getTime() <= Date.now() && can('event.complete'),
      assignStaff: live && can('event.assignStaff'),
    });
  }

  // The field resolvers on a list's hot path take (parent, args, context) without parameter decorators, so
  // Nest binds them straight into the schema instead of running its per-call pipeline (docs/performance.md).
  @ResolveField(() => RegionType)
  async region(e: EventType_, _args: unknown, ctx: GraphQLContext): Promise<RegionType> {
    return toRegionType((await ctx.loaders.region.load(e.regionCode))!);
  }

  @ResolveField(() => VenueType, { nullable: true })
  async venue(e: EventType_, _args: unknown, ctx: GraphQLContext): Promise<VenueType | null> {
    if (!e.venueId) return null;
    const v = await ctx.loaders.venue.load(e.venueId);
    return v ? toVenueType(v) : null;
  }

  @ResolveField(() => EventSeriesSummaryType, { nullable: true })
  async series(e: EventType_, _args: unknown, ctx: GraphQLContext): Promise<EventSeriesSummaryType | null> {
    if (!e.seriesId) return null;
    const s = await ctx.loaders.series.load(e.seriesId);
    if (!s) return null;
    return Object.assign(new EventSeriesSummaryType(), {
      id: s.id, title: s.title, ruleText: this.seriesService.ruleText(s, ctx.req.actor?.locale ?? 'zh-CN'),
      patternKind: s.patternKind, cadenceYear: s.cadence?.year ?? null, cadenceWeekdays: s.cadence?.weekdays ?? null,
    });
  }

  @ResolveField(() => [CoHostBodyType])
  async coHosts(e: EventType_, _args: unknown, ctx: GraphQLContext): Promise<CoHostBodyType[]> {
    return (await ctx.loaders.eventCoHosts.load(e.id)).map(toCoHostBodyType);
  }

  @ResolveField(() => [UserType], { description: 'Assigned staff; visible to organizers of the region only.' })
  async staff(@Parent() e: EventType_, @Context() ctx: GraphQLContext): Promise<UserType[]> {
    if (!this.permissions.can(ctx.req.actor, 'event.readStaff', { regionCode: e.regionCode, publishedAt: null })) return [];
    const users = await ctx.loaders.user.loadMany(await ctx.loaders.eventStaff.load(e.id));
    return users.filter((u): u is UserEntity => !!u && !(u instanceof Error)).map((u) => toUserType(u, { maskContact: true }));
  }
}

@Resolver(() => EventDetailsType)
export class EventDetailsResolver {
  constructor(private readonly permissions: Permissions) {}

  @ResolveField(() => [EmployerType], {
    description: 'The delegation of employers (campus recruiting). Credit code and contact only for callers who may read the employer.',
  })
  async delegation(@Parent() d: EventDetailsType, @Context() ctx: GraphQLContext): Promise<EmployerType[]> {
    if (!d.delegationEmployerIds.length) return [];
    const employers = await ctx.loaders.employer.loadMany(d.delegationEmployerIds);
    return employers
      .filter((e): e is EmployerEntity => !!e && !(e instanceof Error))
      .map((e) => (this.permissions.can(ctx.req.actor, 'employer.read', e) ? toEmployerType(e, { maskContact: true }) : toPublicEmployerType(e)));
  }
}

/** What anyone may see of an employer on a public page: its name and region, nothing that identifies or reaches it. */
function toPublicEmployerType(e: EmployerEntity): EmployerType {
  return Object.assign(toEmployerType(e, { maskContact: true }), { creditCode: maskCreditCode(e.creditCode), contactName: null, contactPhone: null, rejectionReason: null });
}

/** 统一社会信用代码 masked to its first two and last two characters. */
export const maskCreditCode = (code: string): string => (code.length > 4 ? `${code.slice(0, 2)}${'*'.repeat(code.length - 4)}${code.slice(-2)}` : '*'.repeat(code.length));
