import { Args, Int, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Kind, type GraphQLResolveInfo } from 'graphql';
import type { Actor } from '../../../common/auth/actor.js';
import { CurrentActor } from '../../../common/auth/decorators.js';
import { badInput } from '../../../common/errors/app-error.js';
import { staffRegionScope } from '../../../common/permissions/actor-scope.js';
import { Allow } from '../../../common/permissions/allow.decorator.js';
import { EVENT_RANGE_MAX_DAYS, EventRangeArgs } from '../dtos/event.inputs.js';
import { encodeEventCursor } from './event-cursor.js';
import { EventPage, EventRange, toEventType } from '../event.types.js';
import { EventsService, type EventListPage } from './events.service.js';

export function toEventPage(page: EventListPage): EventPage {
  return Object.assign(new EventPage(), {
    items: page.items.map(toEventType),
    pageInfo: { endCursor: page.endCursor ? encodeEventCursor(page.endCursor) : null, hasNextPage: page.hasNextPage },
    countTotal: page.countTotal,
  });
}

/** Whether the query selects `name` directly on this field (fragments are not followed: then it is simply counted later). */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  return info.fieldNodes.some((node) => node.selectionSet?.selections.some((s) => s.kind === Kind.FIELD && s.name.value === name));
}

@Resolver(() => EventPage)
export class EventPageResolver {
  @ResolveField(() => Int, { description: 'Matching events in all pages (one COUNT; leave it out when paging by cursor).' })
  total(page: EventPage): Promise<number> {
    return page.countTotal();
  }
}

@Resolver(() => EventRange)
export class EventRangeResolver {
  constructor(private readonly events: EventsService) {}

  @Allow('event.staffCalendar')
  @Query(() => EventRange, { description: `The staff calendar: every event overlapping [from, to) (at most ${EVENT_RANGE_MAX_DAYS} days), in one request.` })
  async eventsInRange(@CurrentActor() actor: Actor, @Args() args: EventRangeArgs): Promise<EventRange> {
    if (args.to <= args.from) throw badInput({ reason: 'RANGE_ENDS_BEFORE_START', message: 'The range ends before it starts.' }, { to: 'RANGE_ENDS_BEFORE_START' });
    if (args.to.getTime() - args.from.getTime() > EVENT_RANGE_MAX_DAYS * 86_400_000) {
      throw badInput({ reason: 'RANGE_TOO_LONG', message: `A range may span at most ${EVENT_RANGE_MAX_DAYS} days.`, params: { days: EVENT_RANGE_MAX_DAYS } }, { to: 'RANGE_TOO_LONG' });
    }
    const page = await this.events.list({
      ...args.filter,
      from: args.from,
      to: args.to,
      staffScope: staffRegionScope(actor),
      take: args.take,
      skip: 0,
    });
    return Object.assign(new EventRange(), { items: page.items.map(toEventType), truncated: page.hasNextPage });
  }
}
