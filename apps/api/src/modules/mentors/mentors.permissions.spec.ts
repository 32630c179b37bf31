import type { Actor } from '../../common/auth/actor.js';
import { mentorRules } from './mentors.permissions.js';

const actor = (role: Actor['role'], regionCode: string | null = null, id = `${role}-${regionCode}`): Actor => ({ id, role, displayName: role, regionCode, employerId: null, locale: 'zh-CN' });
const lanshan = actor('ORGANIZER', '371302');
const feixian = actor('ORGANIZER', '371325');
const city = actor('ORGANIZER', '371300');
const mentor = actor('MENTOR', '371302', 'm1');
const founder = actor('SEEKER', null, 's1');

describe('mentor rules', () => {
  it.each([
    ['mentor.read: covering organizer', lanshan, 'mentor.read', { regionCode: '371302', userId: 'm1' }, true],
    ['mentor.read: another county', feixian, 'mentor.read', { regionCode: '371302', userId: 'm1' }, false],
    ['mentor.read: the mentor itself', mentor, 'mentor.read', { regionCode: '371302', userId: 'm1' }, true],
    ['mentor.manage: not the mentor itself', mentor, 'mentor.manage', { regionCode: '371302', userId: 'm1' }, false],
    ['mentor.manage: the city', city, 'mentor.manage', { regionCode: '371325', userId: null }, true],
    ['project.read: founder', founder, 'project.read', { regionCode: '371302', founderUserIds: ['s1'], mentorUserIds: [] }, true],
    ['project.read: its mentor', mentor, 'project.read', { regionCode: '371302', founderUserIds: [], mentorUserIds: ['m1'] }, true],
    ['project.read: another mentor', actor('MENTOR', '371302', 'm2'), 'project.read', { regionCode: '371302', founderUserIds: [], mentorUserIds: ['m1'] }, false],
    ['session.log: active follow-up', mentor, 'session.log', { regionCode: '371302', mentorUserId: 'm1', status: 'ACTIVE' }, true],
    ['session.log: ended follow-up', mentor, 'session.log', { regionCode: '371302', mentorUserId: 'm1', status: 'ENDED' }, false],
    ['session.confirm: the mentor', mentor, 'session.confirm', { regionCode: '371302', mentorUserId: 'm1', founderUserIds: ['s1'] }, false],
    ['session.confirm: the founder', founder, 'session.confirm', { regionCode: '371302', mentorUserId: 'm1', founderUserIds: ['s1'] }, true],
    ['followUp.respond: organizer', lanshan, 'followUp.respond', { regionCode: '371302', mentorUserId: 'm1', status: 'OFFERED' }, false],
    ['followUp.end: organizer', lanshan, 'followUp.end', { regionCode: '371302', mentorUserId: 'm1', status: 'ACTIVE' }, true],
  ] as const)('%s', (_name, who, action, resource, allowed) => {
    const rule = mentorRules[action] as (a: Actor | undefined, r: unknown) => boolean;
    expect(rule(who, resource)).toBe(allowed);
  });

  it('anonymous callers may do nothing', () => {
    expect(Object.values(mentorRules).some((rule) => (rule as (a: undefined, r: unknown) => boolean)(undefined, { regionCode: '371302', userId: null, founderUserIds: [], mentorUserIds: [], mentorUserId: null, status: 'ACTIVE' }))).toBe(false);
  });
});
