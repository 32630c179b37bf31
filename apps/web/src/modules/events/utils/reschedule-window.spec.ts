import { describe, expect, it } from '@jest/globals';
import { movedRegistrationWindow } from './reschedule-window.js';

describe('movedRegistrationWindow', () => {
  it('moves the window by the offset of the new start (2/3 → 2/4)', () => {
    const event = { startsAt: '2027-02-03T01:00:00.000Z', registrationOpensAt: '2027-01-20T00:00:00.000Z', registrationClosesAt: '2027-02-03T01:00:00.000Z' };
    expect(movedRegistrationWindow(event, '2027-02-04T01:00:00.000Z', '2027-02-04T04:00:00.000Z')).toEqual({
      registrationOpensAt: '2027-01-21T00:00:00.000Z',
      registrationClosesAt: '2027-02-04T01:00:00.000Z',
    });
  });

  it('keeps a walk-in window within a shorter event, and an open-ended one open', () => {
    const walkIn = { startsAt: '2027-05-10T01:00:00.000Z', registrationClosesAt: '2027-05-10T04:00:00.000Z' };
    expect(movedRegistrationWindow(walkIn, '2027-05-11T01:00:00.000Z', '2027-05-11T02:00:00.000Z')).toEqual({
      registrationOpensAt: null,
      registrationClosesAt: '2027-05-11T02:00:00.000Z',
    });
    expect(movedRegistrationWindow({ startsAt: '2027-05-10T01:00:00.000Z' }, '2027-05-11T01:00:00.000Z', '2027-05-11T02:00:00.000Z')).toEqual({
      registrationOpensAt: null,
      registrationClosesAt: null,
    });
  });
});
