import { describe, expect, it } from '@jest/globals';
import dayjs from 'dayjs';
import { eventInput, eventUpdateInput, newEventDefaults, type EventFormValues } from './event-form.js';

const values: EventFormValues = {
  title: ' 春风行动专场招聘会 ',
  description: '',
  type: 'JOB_FAIR',
  subtype: 'INDUSTRY',
  industry: ' 物流 ',
  university: 'ignored for a job fair',
  regionCode: '371302',
  isOnline: false,
  venueId: 'v1',
  onlineUrl: 'https://ignored.example',
  capacity: 800,
  time: [dayjs('2027-03-03T09:00'), dayjs('2027-03-03T12:00')],
  startTime: dayjs('2027-03-03T09:00'),
  durationMinutes: 180,
  registration: [dayjs('2027-02-20T00:00'), null],
  coHostIds: ['c1'],
};

describe('eventInput', () => {
  it('maps the form to EventInput in UTC, keeping only the fields the type uses', () => {
    expect(eventInput(values)).toEqual({
      title: '春风行动专场招聘会',
      description: '',
      type: 'JOB_FAIR',
      subtype: 'INDUSTRY',
      details: { industry: '物流', university: null, universityCity: null, delegationEmployerIds: [] },
      regionCode: '371302',
      isOnline: false,
      venueId: 'v1',
      onlineUrl: null,
      capacity: 800,
      startsAt: '2027-03-03T01:00:00.000Z',
      endsAt: '2027-03-03T04:00:00.000Z',
      registrationOpensAt: '2027-02-19T16:00:00.000Z',
      registrationClosesAt: null,
      coHostIds: ['c1'],
    });
  });

  it('drops the venue of an online event', () => {
    const input = eventInput({ ...values, isOnline: true, onlineUrl: 'https://live.example/1' });
    expect(input.venueId).toBeNull();
    expect(input.onlineUrl).toBe('https://live.example/1');
  });
});

describe('eventUpdateInput', () => {
  it('sends only what changed', () => {
    expect(eventUpdateInput(values, { ...values, capacity: 900 }, 'THIS')).toEqual({ capacity: 900 });
    expect(eventUpdateInput(values, values, 'ALL')).toEqual({});
  });

  it('moves one occurrence by start and end', () => {
    const moved = { ...values, time: [dayjs('2027-03-04T14:00'), dayjs('2027-03-04T16:00')] as EventFormValues['time'] };
    expect(eventUpdateInput(values, moved, 'THIS')).toEqual({ startsAt: '2027-03-04T06:00:00.000Z', endsAt: '2027-03-04T08:00:00.000Z' });
  });

  it('re-times a series by time of day and duration', () => {
    expect(eventUpdateInput(values, { ...values, startTime: dayjs('2027-03-03T13:30'), durationMinutes: 120 }, 'THIS_AND_FOLLOWING')).toEqual({
      startTime: '13:30',
      durationMinutes: 120,
    });
  });

  it.each([
    ['cleared picker (null)', null],
    ['cleared picker (undefined)', undefined],
    ['both ends emptied', [null, null]],
  ])('sends null for registration dates that were cleared: %s', (_label, registration) => {
    const withDates = { ...values, registration: [dayjs('2027-02-20T00:00'), dayjs('2027-03-01T00:00')] as EventFormValues['registration'] };
    expect(eventUpdateInput(withDates, { ...withDates, registration: registration as EventFormValues['registration'] }, 'THIS')).toEqual({
      registrationOpensAt: null,
      registrationClosesAt: null,
    });
  });

  it('leaves registration dates out when they did not change', () => {
    expect(eventUpdateInput(values, { ...values, title: '新名称' }, 'THIS')).not.toHaveProperty('registrationOpensAt');
  });

  it('sends the place fields together when switching to online', () => {
    expect(eventUpdateInput(values, { ...values, isOnline: true, onlineUrl: 'https://live.example/1' }, 'ALL')).toEqual({
      isOnline: true,
      venueId: null,
      onlineUrl: 'https://live.example/1',
    });
  });
});

describe('newEventDefaults', () => {
  it('uses the chosen future date, or tomorrow', () => {
    expect(newEventDefaults('2027-03-10', '2027-03-01').time!.map((d) => d.format('YYYY-MM-DD HH:mm'))).toEqual(['2027-03-10 09:00', '2027-03-10 12:00']);
    expect(newEventDefaults('2027-02-10', '2027-03-01').time![0].format('YYYY-MM-DD')).toBe('2027-03-02');
    expect(newEventDefaults(null, '2027-03-01').time![0].format('YYYY-MM-DD')).toBe('2027-03-02');
  });

  it('never defaults to a time that has passed: today after 09:00 is the next full hour, after 17:00 tomorrow', () => {
    const slot = (now: string) => newEventDefaults('2027-03-01', '2027-03-01', now).time!.map((d) => d.format('YYYY-MM-DD HH:mm'));
    expect(slot('08:30')).toEqual(['2027-03-01 09:00', '2027-03-01 12:00']);
    expect(slot('10:20')).toEqual(['2027-03-01 11:00', '2027-03-01 14:00']);
    expect(slot('16:05')).toEqual(['2027-03-01 17:00', '2027-03-01 20:00']);
    expect(slot('17:10')).toEqual(['2027-03-02 09:00', '2027-03-02 12:00']);
    expect(slot('23:59')).toEqual(['2027-03-02 09:00', '2027-03-02 12:00']);
  });
});
