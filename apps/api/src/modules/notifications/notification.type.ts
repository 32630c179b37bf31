import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { NotificationEntity } from './notification.entity.js';

@ObjectType('Notification', { description: '站内通知: an in-app notification for the caller.' })
export class NotificationType {
  @Field(() => ID)
  id: string;

  @Field({ description: 'What happened, e.g. EMPLOYER_VERIFIED.' })
  kind: string;

  @Field()
  title: string;

  @Field()
  body: string;

  @Field(() => String, { nullable: true, description: 'Where in the web app to look.' })
  link: string | null;

  @Field(() => Date, { nullable: true })
  readAt: Date | null;

  @Field()
  createdAt: Date;
}

@ObjectType('NotificationPage')
export class NotificationPage {
  @Field(() => [NotificationType])
  items: NotificationType[];

  @Field(() => Int)
  total: number;

  @Field(() => Int)
  unreadCount: number;
}

export const toNotificationType = (n: NotificationEntity): NotificationType =>
  Object.assign(new NotificationType(), {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    link: n.link,
    readAt: n.readAt,
    createdAt: n.createdAt,
  });
