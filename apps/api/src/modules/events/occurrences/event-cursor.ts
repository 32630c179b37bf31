import { badInput } from '../../../common/errors/app-error.js';
import type { EventCursor } from './events.service.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Opaque keyset cursor: base64url of "<starts_at ISO>|<id>" (the calendar order). */
export function encodeEventCursor(c: EventCursor): string {
  return Buffer.from(`${c.startsAt.toISOString()}|${c.id}`).toString('base64url');
}

export function decodeEventCursor(value: string): EventCursor {
  const [iso, id, extra] = Buffer.from(value, 'base64url').toString('utf8').split('|');
  const startsAt = new Date(iso ?? '');
  if (extra !== undefined || !id || !UUID.test(id) || Number.isNaN(startsAt.getTime()) || startsAt.toISOString() !== iso) {
    throw badInput('Malformed cursor: pass a pageInfo.endCursor unchanged.', { after: 'malformed cursor' });
  }
  return { startsAt, id };
}
