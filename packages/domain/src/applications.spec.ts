import {
  APPLICATION_STATUSES,
  applicationStatusesBefore,
  canMoveApplication,
  isFinalApplicationStatus,
  nextApplicationStatuses,
  stagesReached,
} from './applications.js';

describe('application state machine', () => {
  it('lets the employer move forward along the pipeline, skipping VIEWED or INTERVIEW but not OFFER', () => {
    expect(canMoveApplication('SUBMITTED', 'VIEWED', 'EMPLOYER')).toBe(true);
    expect(canMoveApplication('SUBMITTED', 'INTERVIEW', 'EMPLOYER')).toBe(true);
    expect(canMoveApplication('VIEWED', 'INTERVIEW', 'EMPLOYER')).toBe(true);
    expect(canMoveApplication('INTERVIEW', 'OFFER', 'EMPLOYER')).toBe(true);
    expect(canMoveApplication('OFFER', 'HIRED', 'EMPLOYER')).toBe(true);
    expect(canMoveApplication('INTERVIEW', 'HIRED', 'EMPLOYER')).toBe(false);
    expect(canMoveApplication('SUBMITTED', 'HIRED', 'EMPLOYER')).toBe(false);
  });

  it('never goes back, and nothing leaves HIRED, REJECTED or WITHDRAWN', () => {
    expect(canMoveApplication('INTERVIEW', 'VIEWED', 'EMPLOYER')).toBe(false);
    expect(canMoveApplication('OFFER', 'INTERVIEW', 'EMPLOYER')).toBe(false);
    for (const final of ['HIRED', 'REJECTED', 'WITHDRAWN'] as const) {
      expect(isFinalApplicationStatus(final)).toBe(true);
      for (const to of APPLICATION_STATUSES) {
        expect(canMoveApplication(final, to, 'EMPLOYER')).toBe(false);
        expect(canMoveApplication(final, to, 'SEEKER')).toBe(false);
      }
    }
  });

  it('lets the employer reject at any open stage, and only the seeker withdraw, before an offer', () => {
    for (const from of ['SUBMITTED', 'VIEWED', 'INTERVIEW', 'OFFER'] as const) expect(canMoveApplication(from, 'REJECTED', 'EMPLOYER')).toBe(true);
    expect(nextApplicationStatuses('SUBMITTED', 'SEEKER')).toEqual(['WITHDRAWN']);
    expect(canMoveApplication('INTERVIEW', 'WITHDRAWN', 'SEEKER')).toBe(true);
    expect(canMoveApplication('OFFER', 'WITHDRAWN', 'SEEKER')).toBe(false);
    expect(canMoveApplication('SUBMITTED', 'WITHDRAWN', 'EMPLOYER')).toBe(false);
    expect(canMoveApplication('SUBMITTED', 'INTERVIEW', 'SEEKER')).toBe(false);
  });

  it('gives the statuses a conditional UPDATE may start from', () => {
    expect(applicationStatusesBefore('INTERVIEW', 'EMPLOYER')).toEqual(['SUBMITTED', 'VIEWED']);
    expect(applicationStatusesBefore('HIRED', 'EMPLOYER')).toEqual(['OFFER']);
    expect(applicationStatusesBefore('WITHDRAWN', 'SEEKER')).toEqual(['SUBMITTED', 'VIEWED', 'INTERVIEW']);
    expect(applicationStatusesBefore('SUBMITTED', 'EMPLOYER')).toEqual([]);
  });

  it('counts an application in every stage up to where it is', () => {
    expect(stagesReached('OFFER')).toEqual(['SUBMITTED', 'VIEWED', 'INTERVIEW', 'OFFER']);
    expect(stagesReached('REJECTED')).toEqual([]);
  });
});
