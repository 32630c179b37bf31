import { EventNotificationMessages } from './event-notification-messages.js';

describe('notification messages', () => {
  it('words the changed fields of an event in each recipient language', () => {
    const event = { id: 'e1', title: '春风行动招聘会', startsAt: new Date('2026-03-02T01:00:00Z') };
    const m = EventNotificationMessages.eventChanged(event as never, ['venueId', 'capacity', 'startsAt', 'endsAt']);
    expect(m.zh.body).toContain('场馆、容量、时间');
    expect(m.en.body).toContain('changed: venue, capacity, time');
    expect(m.en.body).not.toMatch(/场馆|容量|时间/);
  });
});
