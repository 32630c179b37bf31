import { toClientError } from './graphql-error.filter.js';
import { AppError, ErrorCode, badInput, conflict, forbidden, isDatabaseUnavailable, notFound, unauthenticated } from './app-error.js';

describe('AppError helpers', () => {
  it('accept a plain English message and give the code its default reason', () => {
    expect(badInput('Give a region', { regionCode: 'REQUIRED' }).extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT', params: {}, fields: { regionCode: 'REQUIRED' } });
    expect(badInput('Give a region').message).toBe('Give a region');
    expect(forbidden('You can only manage events in your region').extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_ALLOWED' });
    expect(conflict('Already on the list', { fields: { name: 'TAKEN' }, clashingEvent: 'x' }).extensions).toMatchObject({ code: 'CONFLICT', reason: 'CONFLICT', fields: { name: 'TAKEN' }, clashingEvent: 'x' });
    expect(unauthenticated().extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SIGN_IN_REQUIRED' });
  });

  it('accept a reason code or full details', () => {
    const e = badInput({ reason: 'REGION_REQUIRED', message: 'An organizer needs a region', params: { role: 'ORGANIZER' } }, { regionCode: 'REQUIRED' });
    expect(e.extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'REGION_REQUIRED', params: { role: 'ORGANIZER' }, fields: { regionCode: 'REQUIRED' } });
    expect(forbidden('EVENT_LOCKED').extensions.reason).toBe('EVENT_LOCKED');
    expect(new AppError(ErrorCode.CONFLICT, undefined, { reason: 'VENUE_CLASH' }).message).toBe('Venue clash');
  });

  it('derives NOT_FOUND reasons from the resource', () => {
    expect(notFound('Event').extensions).toEqual({ code: 'NOT_FOUND', reason: 'EVENT_NOT_FOUND', params: { resource: 'Event' } });
    expect(notFound('Event series').extensions.reason).toBe('EVENT_SERIES_NOT_FOUND');
    expect(notFound('活动 / Event').extensions.reason).toBe('EVENT_NOT_FOUND');
    expect(notFound('EMPLOYER_NOT_FOUND').extensions.reason).toBe('EMPLOYER_NOT_FOUND');
  });

  it('recognises a database that is down, and nothing else', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isDatabaseUnavailable({ driverError: { code: '57P01' } })).toBe(true);
    expect(isDatabaseUnavailable({ code: '08006' })).toBe(true);
    // A transaction whose connection broke under it (TypeORM released the query runner).
    expect(isDatabaseUnavailable(Object.assign(new Error('Database connection provided by a query runner was already released'), { name: 'QueryRunnerProviderAlreadyReleasedError' }))).toBe(true);
    // DATABASE_URL names a database that does not exist (dropped, or not created yet).
    expect(isDatabaseUnavailable({ driverError: { code: '3D000' } })).toBe(true);
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isDatabaseUnavailable({ code: '23505' })).toBe(false);
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
  });

  it('answers a deadlock or a serialization failure as a retryable CONFLICT, not an internal error', () => {
    for (const code of ['40P01', '40001']) {
      const e = toClientError(Object.assign(new Error('deadlock detected'), { driverError: { code } })) as AppError;
      expect(e).toBeInstanceOf(AppError);
      expect(e.extensions).toMatchObject({ code: 'CONFLICT', reason: 'CONCURRENT_CHANGE' });
    }
    expect(toClientError(new Error('boom'))).not.toBeInstanceOf(AppError);
  });
});
