import { describe, expect, it } from '@jest/globals';
import { eventActions } from './event-status.js';

describe('eventActions', () => {
  const now = new Date('2027-03-03T02:00:00Z');
  it('offers publish on drafts only, and nothing on finished or cancelled events', () => {
    expect(eventActions('DRAFT', '2027-03-10T01:00:00Z', now)).toEqual({ complete: false, publish: true, edit: true, reschedule: true, cancel: true });
    expect(eventActions('CANCELLED', '2027-03-10T01:00:00Z', now)).toEqual({ complete: false, publish: false, edit: false, reschedule: false, cancel: false });
    expect(eventActions('COMPLETED', '2027-03-01T01:00:00Z', now)).toEqual({ complete: false, publish: false, edit: false, reschedule: false, cancel: false });
  });

  it('lets a published event be marked completed once it has begun', () => {
    expect(eventActions('PUBLISHED', '2027-03-10T01:00:00Z', now).complete).toBe(false);
    expect(eventActions('PUBLISHED', '2027-03-03T01:00:00Z', now).complete).toBe(true);
  });
});
