import { Context, Field, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor } from '../../common/auth/decorators.js';
import type { GraphQLContext } from '../../common/graphql/loaders.js';
import { Permissions } from '../../common/permissions/permissions.service.js';
import { AppConfig } from '../../config/app-config.js';
import { CalendarFeedsService } from './calendar-feeds.service.js';
import { publicBaseUrl } from '../../common/http/public-base-url.js';

@ObjectType('CalendarFeed', {
  description: 'Your private iCalendar subscription. Only a hash of its secret is stored, so the URL is readable once: in the answer that issues it.',
})
export class CalendarFeedType {
  @Field({ description: 'Whether a feed link has been issued (and not replaced since).' }) active: boolean;
  @Field(() => Date, { nullable: true, description: 'When the current link was issued.' }) issuedAt: Date | null;
  @Field(() => String, { nullable: true, description: 'The subscription URL; only in the answer of rotateCalendarFeedToken.' }) url: string | null;
}

@Resolver(() => CalendarFeedType)
export class CalendarFeedsResolver {
  constructor(
    private readonly feeds: CalendarFeedsService,
    private readonly config: AppConfig,
    private readonly permissions: Permissions,
  ) {}

  @Query(() => CalendarFeedType)
  async myCalendarFeed(@CurrentActor() actor: Actor): Promise<CalendarFeedType> {
    this.permissions.require(actor, 'calendarFeed.manage', { userId: actor.id });
    const issuedAt = await this.feeds.issuedAt(actor.id);
    return Object.assign(new CalendarFeedType(), { active: issuedAt !== null, issuedAt, url: null });
  }

  @Mutation(() => CalendarFeedType, { description: 'Issues a new feed URL, shown only in this answer; the old one stops working.' })
  async rotateCalendarFeedToken(@CurrentActor() actor: Actor, @Context() ctx: GraphQLContext): Promise<CalendarFeedType> {
    this.permissions.require(actor, 'calendarFeed.manage', { userId: actor.id });
    const { token, issuedAt } = await this.feeds.issue(actor.id);
    const url = `${publicBaseUrl(this.config, ctx.req as never)}/calendar/feed/${token}.ics`;
    return Object.assign(new CalendarFeedType(), { active: true, issuedAt, url });
  }
}
