import { Context, Field, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor } from '../../common/auth/decorators.js';
import type { GraphQLContext } from '../../common/graphql/loaders.js';
import { Permissions } from '../../common/permissions/permissions.service.js';
import { AppConfig } from '../../config/app-config.js';
import { CalendarFeedsService } from './calendar-feeds.service.js';
import { baseUrlOf } from './calendar-feeds.controller.js';

@ObjectType('CalendarFeed', { description: 'A private iCalendar subscription URL of the events that concern you.' })
export class CalendarFeedType {
  @Field() url: string;
}

@Resolver(() => CalendarFeedType)
export class CalendarFeedsResolver {
  constructor(
    private readonly feeds: CalendarFeedsService,
    private readonly config: AppConfig,
    private readonly permissions: Permissions,
  ) {}

  private url(ctx: GraphQLContext, token: string): CalendarFeedType {
    return Object.assign(new CalendarFeedType(), { url: `${baseUrlOf(this.config, ctx.req as never)}/calendar/feed/${token}.ics` });
  }

  @Query(() => CalendarFeedType)
  async myCalendarFeed(@CurrentActor() actor: Actor, @Context() ctx: GraphQLContext): Promise<CalendarFeedType> {
    this.permissions.require(actor, 'calendarFeed.manage', { userId: actor.id });
    return this.url(ctx, await this.feeds.tokenFor(actor.id));
  }

  @Mutation(() => CalendarFeedType, { description: 'Issues a new feed URL; the old one stops working.' })
  async rotateCalendarFeedToken(@CurrentActor() actor: Actor, @Context() ctx: GraphQLContext): Promise<CalendarFeedType> {
    this.permissions.require(actor, 'calendarFeed.manage', { userId: actor.id });
    return this.url(ctx, await this.feeds.tokenFor(actor.id, true));
  }
}
