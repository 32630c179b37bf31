import type { EventType } from '@leye/domain';
import dayjs, { type Dayjs } from 'dayjs';
import type { EditScope, EventDetailFieldsFragment, EventDetailsInput, EventInput, EventUpdateInput } from '../../../generated/graphql.js';
import { eventDetailFields } from './event-type.js';
import { instantToPicker, pickerToInstant } from './shanghai-time.js';

/** The event form's values (pickers hold Shanghai wall-clock time). */
export interface EventFormValues {
  title: string;
  description?: string;
  type: EventType;
  subtype: string;
  industry?: string;
  university?: string;
  universityCity?: string;
  delegationEmployerIds?: string[];
  regionCode: string;
  isOnline: boolean;
  venueId?: string | null;
  onlineUrl?: string;
  capacity: number;
  /** One occurrence (create, or scope THIS). */
  time?: [Dayjs, Dayjs];
  /** Series scopes move the time of day and length of every affected occurrence instead. */
  startTime?: Dayjs;
  durationMinutes?: number;
  registration?: [Dayjs | null, Dayjs | null] | null;
  coHostIds?: string[];
  publish?: boolean;
}

/** API input field → form field, for placing BAD_USER_INPUT / CONFLICT messages. */
export const EVENT_FIELD_RENAME: Record<string, string> = {
  startsAt: 'time',
  endsAt: 'time',
  registrationOpensAt: 'registration',
  registrationClosesAt: 'registration',
  'details.industry': 'industry',
  'details.university': 'university',
  'details.universityCity': 'universityCity',
  'details.delegationEmployerIds': 'delegationEmployerIds',
};

export const EVENT_FORM_FIELDS = [
  'title',
  'description',
  'type',
  'subtype',
  'industry',
  'university',
  'universityCity',
  'delegationEmployerIds',
  'regionCode',
  'isOnline',
  'venueId',
  'onlineUrl',
  'capacity',
  'time',
  'startTime',
  'durationMinutes',
  'registration',
  'coHostIds',
] as const;

const trimmed = (s: string | undefined | null) => (s ?? '').trim();

function details(v: EventFormValues): EventDetailsInput {
  const show = eventDetailFields(v.type, v.subtype);
  return {
    industry: show.industry ? trimmed(v.industry) || null : null,
    university: show.campus ? trimmed(v.university) || null : null,
    universityCity: show.campus ? trimmed(v.universityCity) || null : null,
    delegationEmployerIds: show.campus ? (v.delegationEmployerIds ?? []) : [],
  };
}

function registration(v: EventFormValues) {
  const [opens, closes] = v.registration ?? [null, null];
  return {
    registrationOpensAt: opens ? pickerToInstant(opens) : null,
    registrationClosesAt: closes ? pickerToInstant(closes) : null,
  };
}

export function eventInput(v: EventFormValues): EventInput {
  const [start, end] = v.time!;
  return {
    title: v.title.trim(),
    description: trimmed(v.description),
    type: v.type,
    subtype: v.subtype,
    details: details(v),
    regionCode: v.regionCode,
    isOnline: v.isOnline,
    venueId: v.isOnline ? null : (v.venueId ?? null),
    onlineUrl: v.isOnline ? trimmed(v.onlineUrl) || null : null,
    capacity: v.capacity,
    startsAt: pickerToInstant(start),
    endsAt: pickerToInstant(end),
    ...registration(v),
    coHostIds: v.coHostIds ?? [],
  };
}

/** Form values showing an existing event. */
export function eventFormValues(e: EventDetailFieldsFragment): EventFormValues {
  const start = instantToPicker(e.startsAt);
  const end = instantToPicker(e.endsAt);
  return {
    title: e.title,
    description: e.description,
    type: e.type,
    subtype: e.subtype,
    industry: e.details.industry ?? undefined,
    university: e.details.university ?? undefined,
    universityCity: e.details.universityCity ?? undefined,
    delegationEmployerIds: e.details.delegation.map((d) => d.id),
    regionCode: e.region.code,
    isOnline: e.isOnline,
    venueId: e.venue?.id ?? null,
    onlineUrl: e.onlineUrl ?? undefined,
    capacity: e.capacity,
    time: [start, end],
    startTime: start,
    durationMinutes: end.diff(start, 'minute'),
    registration: [
      e.registrationOpensAt ? instantToPicker(e.registrationOpensAt) : null,
      e.registrationClosesAt ? instantToPicker(e.registrationClosesAt) : null,
    ],
    coHostIds: e.coHosts.map((c) => c.id),
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Only what changed, so that editing a series (ALL / THIS_AND_FOLLOWING) does not overwrite fields of
 * occurrences that were adjusted on their own. Series scopes send the time of day and duration;
 * THIS sends the new start and end.
 */
export function eventUpdateInput(initial: EventFormValues, v: EventFormValues, scope: EditScope): EventUpdateInput {
  const before = eventInput(initial);
  const after = eventInput({ ...v, type: initial.type, regionCode: initial.regionCode, time: v.time ?? initial.time });
  const out: EventUpdateInput = {};
  const keys = ['title', 'description', 'subtype', 'details', 'isOnline', 'venueId', 'onlineUrl', 'capacity', 'coHostIds'] as const;
  for (const key of keys) if (!same(before[key], after[key])) Object.assign(out, { [key]: after[key] });
  // Switching between venue and online changes both fields together.
  if ('isOnline' in out || 'venueId' in out || 'onlineUrl' in out) {
    Object.assign(out, { isOnline: after.isOnline, venueId: after.venueId, onlineUrl: after.onlineUrl });
  }
  if (scope === 'THIS') {
    if (before.startsAt !== after.startsAt || before.endsAt !== after.endsAt) Object.assign(out, { startsAt: after.startsAt, endsAt: after.endsAt });
    if (before.registrationOpensAt !== after.registrationOpensAt || before.registrationClosesAt !== after.registrationClosesAt) {
      Object.assign(out, { registrationOpensAt: after.registrationOpensAt, registrationClosesAt: after.registrationClosesAt });
    }
  } else {
    const startTime = v.startTime?.format('HH:mm');
    if (startTime && startTime !== initial.startTime?.format('HH:mm')) out.startTime = startTime;
    if (v.durationMinutes && v.durationMinutes !== initial.durationMinutes) out.durationMinutes = v.durationMinutes;
  }
  return out;
}

/** The latest hour a default slot starts at today; later, the default moves to tomorrow morning. */
const LATEST_DEFAULT_START_HOUR = 17;

/**
 * A new event's default time, always in the future: the given date (or tomorrow) 09:00–12:00; on today
 * after 09:00, the next full hour (if that is by 17:00), else tomorrow 09:00. `now` is Shanghai HH:mm.
 */
export function newEventDefaults(date: string | null, today: string, now = '00:00'): Partial<EventFormValues> {
  const tomorrow = dayjs(today).add(1, 'day').format('YYYY-MM-DD');
  let start = dayjs(`${date && date >= today ? date : tomorrow}T09:00`);
  if (start.format('YYYY-MM-DD') === today && now >= '09:00') {
    const nextHour = dayjs(`${today}T${now}`).startOf('hour').add(1, 'hour');
    start = nextHour.hour() <= LATEST_DEFAULT_START_HOUR && nextHour.format('YYYY-MM-DD') === today ? nextHour : dayjs(`${tomorrow}T09:00`);
  }
  return {
    type: 'JOB_FAIR',
    subtype: 'GENERAL',
    isOnline: false,
    capacity: 500,
    time: [start, start.add(3, 'hour')],
    coHostIds: [],
    publish: false,
  };
}
