import { describe, expect, it } from '@jest/globals';
import { groupEventsByDay, weekDates } from './event-days.js';

describe('groupEventsByDay', () => {
  it('groups by the Shanghai start date, in time order', () => {
    const events = [
      { id: 'late', startsAt: '2027-03-03T06:00:00Z', endsAt: '2027-03-03T08:00:00Z' },
      { id: 'early', startsAt: '2027-03-03T01:00:00Z', endsAt: '2027-03-03T02:00:00Z' },
      // 23:00 UTC on the 3rd is 07:00 on the 4th in Linyi.
      { id: 'next', startsAt: '2027-03-03T23:00:00Z', endsAt: '2027-03-04T01:00:00Z' },
    ];
    const days = groupEventsByDay(events);
    expect([...days.keys()]).toEqual(['2027-03-03', '2027-03-04']);
    expect(days.get('2027-03-03')!.map((e) => e.id)).toEqual(['early', 'late']);
    expect(days.get('2027-03-04')!.map((e) => e.id)).toEqual(['next']);
  });
});

describe('weekDates', () => {
  it('lists seven consecutive dates across a month end', () => {
    expect(weekDates('2027-03-29')).toEqual(['2027-03-29', '2027-03-30', '2027-03-31', '2027-04-01', '2027-04-02', '2027-04-03', '2027-04-04']);
  });
});
