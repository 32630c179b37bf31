import { Args, Context, Info, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Public, Roles } from '../../common/auth/decorators.js';
import { notFound } from '../../common/errors/app-error.js';
import type { GraphQLContext } from '../../common/graphql/loaders.js';
import { EmployerType, toEmployerType } from '../employers/employer.type.js';
import { AccessPolicy } from '../policy/access-policy.js';
import { RegionType, toRegionType } from '../regions/region.type.js';
import { UserType, toUserType } from '../users/user.type.js';
import { VenueType, toVenueType } from '../venues/venue.type.js';
import {
  AssignStaffArgs,
  CancelEventArgs,
  CreateEventArgs,
  EventIdArgs,
  EventListArgs,
  PublishEventArgs,
  RescheduleEventArgs,
  UpdateEventArgs,
} from './dtos/event.inputs.js';
import type { EventEntity } from './event.entity.js';
import type { EmployerEntity } from '../employers/employer.entity.js';
import type { UserEntity } from '../users/user.entity.js';
import { CoHostBodyType, EventDetailsType, EventPage, EventSeriesSummaryType, EventType_, toCoHostBodyType, toEventType } from './event.types.js';
import { decodeEventCursor } from './event-cursor.js';
import { selectsField, toEventPage } from './event-list.resolver.js';
import { EventSeriesService } from './event-series.service.js';
import { EventsService, type EventQuery } from './events.service.js';

const isStaff = (actor?: Actor): actor is Actor => !!actor && (actor.role === 'ORGANIZER' || actor.role === 'ADMIN');

@Resolver(() => EventType_)
export class EventsResolver {
  constructor(
    private readonly eventService: EventsService,
    private readonly seriesService: EventSeriesService,
  ) {}

  /** Manage rights on the event's region; the one check every event mutation makes. */
  private async manageable(actor: Actor, id: string): Promise<EventEntity> {
    const event = await this.eventService.findById(id);
    AccessPolicy.assert(AccessPolicy.canManageRegion(actor, event.regionCode), '只能管理本辖区的活动 / You can only manage events in your region');
    return event;
  }

  @Public()
  @Query(() => EventPage, { description: 'The calendar. Anyone sees published events; organizers also see drafts in their region.' })
  async events(@CurrentActor() actor: Actor | undefined, @Args() args: EventListArgs, @Info() info: GraphQLResolveInfo): Promise<EventPage> {
    const staffScope = isStaff(actor) ? AccessPolicy.staffRegionScope(actor) : 'PUBLIC';
    const query: EventQuery = { ...args.filter, staffScope, take: args.take, skip: args.skip, after: args.after ? decodeEventCursor(args.after) : null };
    const page = await this.eventService.list(query, { withTotal: selectsField(info, 'total') });
    return toEventPage(page);
  }

  @Public()
  @Query(() => EventType_)
  async event(@CurrentActor() actor: Actor | undefined, @Args() { id }: EventIdArgs): Promise<EventType_> {
    const event = await this.eventService.findById(id);
    const visible = event.publishedAt !== null || (isStaff(actor) && AccessPolicy.canManageRegion(actor, event.regionCode));
    if (!visible) throw notFound('活动 / Event');
    return toEventType(event);
  }

  @Roles('ORGANIZER', 'ADMIN')
  @Mutation(() => EventType_)
  async createEvent(@CurrentActor() actor: Actor, @Args() { input, publish }: CreateEventArgs): Promise<EventType_> {
    AccessPolicy.assert(AccessPolicy.canManageRegion(actor, input.regionCode), '只能在本辖区创建活动 / You can only create events in your region');
    return toEventType(await this.eventService.create(actor, input, publish));
  }

  @Roles('ORGANIZER', 'ADMIN')
  @Mutation(() => [EventType_], { description: 'Edits this occurrence, this and the following ones, or the whole series; returns what changed.' })
  async updateEvent(@CurrentActor() actor: Actor, @Args() { id, input, scope }: UpdateEventArgs): Promise<EventType_[]> {
    return (await this.eventService.update(actor, await this.manageable(actor, id), input, scope)).map(toEventType);
  }

  @Roles('ORGANIZER', 'ADMIN')
  @Mutation(() => [EventType_])
  async publishEvent(@CurrentActor() actor: Actor, @Args() { id, scope }: PublishEventArgs): Promise<EventType_[]> {
    return (await this.eventService.publish(await this.manageable(actor, id), scope)).map(toEventType);
  }

  @Roles('ORGANIZER', 'ADMIN')
  @Mutation(() => EventType_, { description: 'Cancels one occurrence with a reason; everyone attached is notified.' })
  async cancelEvent(@CurrentActor() actor: Actor, @Args() { id, reason }: CancelEventArgs): Promise<EventType_> {
    await this.manageable(actor, id);
    return toEventType(await this.eventService.cancel(actor, id, reason));
  }

  @Roles('ORGANIZER', 'ADMIN')
  @Mutation(() => EventType_, { description: 'Moves one occurrence; its registrations and bookings move with it.' })
  async rescheduleEvent(@CurrentActor() actor: Actor, @Args() { id, startsAt, endsAt }: RescheduleEventArgs): Promise<EventType_> {
    return toEventType(await this.eventService.reschedule(actor, await this.manageable(actor, id), startsAt, endsAt));
  }

  @Roles('ORGANIZER', 'ADMIN')
  @Mutation(() => EventType_, { description: 'Marks a published event that has started as COMPLETED.' })
  async completeEvent(@CurrentActor() actor: Actor, @Args() { id }: EventIdArgs): Promise<EventType_> {
    await this.manageable(actor, id);
    return toEventType(await this.eventService.complete(id));
  }

  @Roles('ORGANIZER', 'ADMIN')
  @Mutation(() => EventType_, { description: 'Assigns staff (organizers, mentors, hosts) to an event: they are attached to it.' })
  async assignEventStaff(@CurrentActor() actor: Actor, @Args() { eventId, userId }: AssignStaffArgs): Promise<EventType_> {
    return toEventType(await this.eventService.assignStaff(await this.manageable(actor, eventId), userId));
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
    return Object.assign(new EventSeriesSummaryType(), { id: s.id, title: s.title, ruleText: this.seriesService.ruleText(s, ctx.req.actor?.locale ?? 'zh-CN') });
  }

  @ResolveField(() => [CoHostBodyType])
  async coHosts(e: EventType_, _args: unknown, ctx: GraphQLContext): Promise<CoHostBodyType[]> {
    return (await ctx.loaders.eventCoHosts.load(e.id)).map(toCoHostBodyType);
  }

  @ResolveField(() => [UserType], { description: 'Assigned staff; visible to organizers only.' })
  async staff(@Parent() e: EventType_, @Context() ctx: GraphQLContext): Promise<UserType[]> {
    const actor = ctx.req.actor;
    if (!isStaff(actor) || !AccessPolicy.canManageRegion(actor, e.regionCode)) return [];
    const users = await ctx.loaders.user.loadMany(await ctx.loaders.eventStaff.load(e.id));
    return users.filter((u): u is UserEntity => !!u && !(u instanceof Error)).map((u) => toUserType(u, { maskContact: true }));
  }

  @ResolveField(() => Int, { description: 'Registrations so far (registration arrives with its own capability; 0 until then).' })
  registeredCount(): number {
    return 0;
  }
}

@Resolver(() => EventDetailsType)
export class EventDetailsResolver {
  @ResolveField(() => [EmployerType], { description: 'The delegation of employers (campus recruiting).' })
  async delegation(@Parent() d: EventDetailsType, @Context() ctx: GraphQLContext): Promise<EmployerType[]> {
    if (!d.delegationEmployerIds.length) return [];
    const employers = await ctx.loaders.employer.loadMany(d.delegationEmployerIds);
    return employers.filter((e): e is EmployerEntity => !!e && !(e instanceof Error)).map((e) => toEmployerType(e, { maskContact: true }));
  }
}
