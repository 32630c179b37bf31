import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * "Who is attached to an event": the one question other capabilities answer by registering a
 * source (registrations, booth bookings, hosts, mentors as they arrive). Change notices go to
 * everyone any source names; private calendar feeds list the events a user is attached to.
 */
export interface EventAttachmentSource {
  readonly name: string;
  /** event id → user ids attached to it. */
  usersAttachedTo(eventIds: string[]): Promise<Map<string, string[]>>;
  /** Events the user is attached to (for their private calendar feed). */
  eventsAttachedTo(userId: string): Promise<string[]>;
}

@Injectable()
export class EventAttachmentsService {
  private readonly sources: EventAttachmentSource[] = [];

  constructor(ds: DataSource) {
    // Today: the organizer who created the event and the staff assigned to it.
    this.register({
      name: 'organizer',
      usersAttachedTo: async (ids) => group(await ds.query(`SELECT id AS event_id, created_by AS user_id FROM event WHERE id = ANY($1::uuid[])`, [ids])),
      eventsAttachedTo: async (userId) => (await ds.query(`SELECT id FROM event WHERE created_by = $1`, [userId])).map((r: { id: string }) => r.id),
    });
    this.register({
      name: 'staff',
      usersAttachedTo: async (ids) => group(await ds.query(`SELECT event_id, user_id FROM event_staff WHERE event_id = ANY($1::uuid[])`, [ids])),
      eventsAttachedTo: async (userId) => (await ds.query(`SELECT event_id AS id FROM event_staff WHERE user_id = $1`, [userId])).map((r: { id: string }) => r.id),
    });
  }

  register(source: EventAttachmentSource): void {
    this.sources.push(source);
  }

  async usersAttachedTo(eventIds: string[]): Promise<Map<string, Set<string>>> {
    const out = new Map<string, Set<string>>(eventIds.map((id) => [id, new Set<string>()]));
    for (const source of this.sources) {
      for (const [eventId, users] of await source.usersAttachedTo(eventIds)) for (const u of users) out.get(eventId)?.add(u);
    }
    return out;
  }

  async eventsAttachedTo(userId: string): Promise<string[]> {
    const all = new Set<string>();
    for (const source of this.sources) for (const id of await source.eventsAttachedTo(userId)) all.add(id);
    return [...all];
  }
}

function group(rows: Array<{ event_id: string; user_id: string }>): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const r of rows) map.set(r.event_id, [...(map.get(r.event_id) ?? []), r.user_id]);
  return map;
}
