import { Args, ArgsType, Field, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ArrayMaxSize, IsBoolean, IsUUID } from 'class-validator';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor } from '../../common/auth/decorators.js';
import { PageArgs } from '../../common/graphql/pagination.js';
import { Permissions } from '../../common/permissions/permissions.service.js';
import { NotificationPage, NotificationType, toNotificationType } from './notification.type.js';
import { NotificationsService } from './notifications.service.js';

@ArgsType()
class NotificationListArgs extends PageArgs {
  @Field(() => Boolean, { defaultValue: false }) @IsBoolean()
  unreadOnly: boolean = false;
}

@ArgsType()
class MarkReadArgs {
  @Field(() => [ID]) @IsUUID('all', { each: true }) @ArrayMaxSize(200)
  ids: string[];
}

/** Every signed-in user has a notification centre; it only ever shows the caller's own. */
@Resolver(() => NotificationType)
export class NotificationsResolver {
  constructor(
    private readonly notificationService: NotificationsService,
    private readonly permissions: Permissions,
  ) {}

  @Query(() => NotificationPage)
  async notifications(@CurrentActor() actor: Actor, @Args() args: NotificationListArgs): Promise<NotificationPage> {
    this.permissions.require(actor, 'notification.read', { userId: actor.id });
    const page = await this.notificationService.page(actor.id, args);
    return Object.assign(new NotificationPage(), { ...page, items: page.items.map(toNotificationType) });
  }

  @Query(() => Int)
  unreadNotificationCount(@CurrentActor() actor: Actor): Promise<number> {
    this.permissions.require(actor, 'notification.read', { userId: actor.id });
    return this.notificationService.unreadCount(actor.id);
  }

  @Mutation(() => Int, { description: 'Returns how many were newly marked read.' })
  markNotificationsRead(@CurrentActor() actor: Actor, @Args() args: MarkReadArgs): Promise<number> {
    // Only the caller's own rows are touched: the service filters by recipient.
    this.permissions.require(actor, 'notification.read', { userId: actor.id });
    return this.notificationService.markRead(actor.id, args.ids);
  }

  @Mutation(() => Int)
  markAllNotificationsRead(@CurrentActor() actor: Actor): Promise<number> {
    this.permissions.require(actor, 'notification.read', { userId: actor.id });
    return this.notificationService.markRead(actor.id, null);
  }
}
