import { AppError, ErrorCode } from '../../common/errors/app-error.js';

export const EventErrors = {
  /** `title` is null when the caller may not read the clashing event (another county's draft): only the clash is told. */
  venueTaken: (clash: { title: string | null; startsAt: Date; endsAt: Date }, when?: string) =>
    new AppError(ErrorCode.CONFLICT, clash.title ? `The venue is already taken then by "${clash.title}"` : 'The venue is already taken then', {
      reason: 'VENUE_CLASH',
      params: { ...(clash.title ? { title: clash.title } : {}), startsAt: clash.startsAt.toISOString(), endsAt: clash.endsAt.toISOString(), ...(when ? { date: when } : {}) },
      clashingEvent: clash.title,
      fields: { venueId: 'VENUE_CLASH' },
    }),
  badSubtype: (type: string, subtype: string) =>
    new AppError(ErrorCode.BAD_USER_INPUT, `"${subtype}" is not a subtype of ${type}`, {
      reason: 'SUBTYPE_NOT_OF_TYPE',
      params: { type, subtype },
      fields: { subtype: 'SUBTYPE_NOT_OF_TYPE' },
    }),
  badTimes: () =>
    new AppError(ErrorCode.BAD_USER_INPUT, 'The end must be after the start', { reason: 'ENDS_BEFORE_START', fields: { endsAt: 'ENDS_BEFORE_START' } }),
  badRegistrationWindow: () =>
    new AppError(ErrorCode.BAD_USER_INPUT, 'Registration must close after it opens and by the end of the event', {
      reason: 'INVALID_REGISTRATION_WINDOW',
      fields: { registrationClosesAt: 'INVALID_REGISTRATION_WINDOW' },
    }),
  placeRequired: () =>
    new AppError(ErrorCode.BAD_USER_INPUT, 'Choose a venue or mark the event online', {
      reason: 'VENUE_REQUIRED',
      fields: { venueId: 'VENUE_REQUIRED' },
    }),
  overCapacity: (capacity: number, venueCapacity: number) =>
    new AppError(ErrorCode.BAD_USER_INPUT, `Capacity ${capacity} exceeds the venue's ${venueCapacity}`, {
      reason: 'OVER_VENUE_CAPACITY',
      params: { capacity, venueCapacity },
      fields: { capacity: 'OVER_VENUE_CAPACITY' },
    }),
  notEditable: (status: string) =>
    new AppError(ErrorCode.CONFLICT, `The event is ${status} and cannot be changed`, { reason: 'EVENT_NOT_EDITABLE', params: { status }, status }),
  notInSeries: () =>
    new AppError(ErrorCode.BAD_USER_INPUT, 'This event is not part of a series', { reason: 'EVENT_NOT_IN_SERIES', fields: { scope: 'EVENT_NOT_IN_SERIES' } }),
  reasonRequired: () =>
    new AppError(ErrorCode.BAD_USER_INPUT, 'Give the reason for cancelling', { reason: 'CANCEL_REASON_REQUIRED', fields: { reason: 'REQUIRED' } }),
  unknownReference: (field: string) =>
    new AppError(ErrorCode.BAD_USER_INPUT, `Unknown or inactive ${field}`, { reason: 'UNKNOWN_REFERENCE', params: { field }, fields: { [field]: 'UNKNOWN_REFERENCE' } }),
  rescheduleSameTime: () =>
    new AppError(ErrorCode.BAD_USER_INPUT, 'The new time is the same as the current one', { reason: 'RESCHEDULE_SAME_TIME', fields: { startsAt: 'RESCHEDULE_SAME_TIME' } }),
  /** A start in the past is refused unless the caller confirmed it (`allowPastStart: true`). */
  startInPast: (startsAt: Date) =>
    new AppError(ErrorCode.BAD_USER_INPUT, 'The event would start in the past; send allowPastStart: true to confirm', {
      reason: 'START_IN_PAST',
      params: { startsAt: startsAt.toISOString() },
      fields: { startsAt: 'START_IN_PAST' },
    }),
};
