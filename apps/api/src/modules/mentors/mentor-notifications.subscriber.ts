import { Injectable } from '@nestjs/common';
import type { DomainEvent } from '../../common/domain-events/domain-event-map.js';
import { OnDomainEvent } from '../../common/domain-events/on-domain-event.decorator.js';
import type { NotificationMessage } from '../notifications/notification-messages.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import './mentor.domain-events.js';

/** What the mentor pool tells people, in both languages. */
export const MentorNotificationMessages = {
  assigned: (p: { followUpId: string; projectId: string; projectName: string; status: string }): NotificationMessage =>
    p.status === 'OFFERED'
      ? {
          kind: 'MENTOR_PROJECT_OFFERED',
          zh: { title: '邀请您护航一个创业项目', body: `项目「${p.projectName}」邀请您担任护航导师，请在"我的护航"中接受或婉拒。` },
          en: { title: 'A project is offered to you', body: `You are invited to mentor "${p.projectName}"; accept or decline it in My mentoring.` },
          link: '/mentor/coaching',
          data: { followUpId: p.followUpId, projectId: p.projectId },
        }
      : {
          kind: 'MENTOR_PROJECT_ASSIGNED',
          zh: { title: '您有新的护航项目', body: `您已被指派护航项目「${p.projectName}」。` },
          en: { title: 'A new project to mentor', body: `You now mentor "${p.projectName}".` },
          link: '/mentor/coaching',
          data: { followUpId: p.followUpId, projectId: p.projectId },
        },
  sessionLogged: (p: { sessionId: string; projectId: string; projectName: string; mentorName: string }): NotificationMessage => ({
    kind: 'COACHING_SESSION_LOGGED',
    zh: { title: '请确认一次创业辅导', body: `${p.mentorName} 记录了对项目「${p.projectName}」的一次辅导，请确认是否确实进行。` },
    en: { title: 'Please confirm a coaching session', body: `${p.mentorName} logged a session for "${p.projectName}"; confirm that it took place.` },
    link: '/seeker/coaching',
    data: { sessionId: p.sessionId, projectId: p.projectId },
  }),
};

/** Tells mentors about new projects and founders about sessions to confirm. */
@Injectable()
export class MentorNotificationsSubscriber {
  constructor(private readonly notifications: NotificationsService) {}

  @OnDomainEvent('mentor.follow-up-assigned')
  async notifyMentor(e: DomainEvent<'mentor.follow-up-assigned'>): Promise<void> {
    if (e.payload.mentorUserId) await this.notifications.postForEvent(e.id, [e.payload.mentorUserId], MentorNotificationMessages.assigned(e.payload));
  }

  @OnDomainEvent('coaching.session-logged')
  async notifyFounders(e: DomainEvent<'coaching.session-logged'>): Promise<void> {
    if (e.payload.founderUserIds.length) await this.notifications.postForEvent(e.id, e.payload.founderUserIds, MentorNotificationMessages.sessionLogged(e.payload));
  }
}
