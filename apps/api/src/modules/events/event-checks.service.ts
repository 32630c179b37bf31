import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isValidSubtype, type EventType } from '@leye/domain';
import type { Actor } from '../../common/auth/actor.js';
import { Permissions } from '../../common/permissions/permissions.service.js';
import { EventErrors } from './event.exception.js';
import type { EventDetailsInput } from './dtos/event.inputs.js';

export interface PlaceInput {
  venueId?: string | null;
  isOnline?: boolean | null;
  onlineUrl?: string | null;
  capacity: number;
}

const EXCLUSION_VIOLATION = '23P01';
/** What a series preview calls a clash with an event the caller may not read (the preview shows it as text). */
export const ANOTHER_EVENT = '另一场活动 / another event';

/**
 * The checks every write of an event or a series makes, whichever part writes it (occurrences,
 * series, scope edits): template and references, times, and the venue's exclusion constraint.
 */
@Injectable()
export class EventChecks {
  constructor(
    private readonly ds: DataSource,
    private readonly permissions: Permissions,
  ) {}

  /** Checks type, subtype, place, capacity and references; shared by events and series. */
  async validateTemplate(input: { type: EventType; subtype: string; coHostIds?: string[]; details?: EventDetailsInput } & PlaceInput): Promise<void> {
    if (!isValidSubtype(input.type, input.subtype)) throw EventErrors.badSubtype(input.type, input.subtype);
    if (!input.isOnline && !input.venueId) throw EventErrors.placeRequired();
    if (input.venueId && !input.isOnline) {
      const [venue]: Array<{ capacity: number }> = await this.ds.query(`SELECT capacity FROM venue WHERE id = $1`, [input.venueId]);
      if (!venue) throw EventErrors.unknownReference('venueId');
      if (input.capacity > venue.capacity) throw EventErrors.overCapacity(input.capacity, venue.capacity);
    }
    if (input.coHostIds?.length) {
      const [{ n }] = await this.ds.query(`SELECT count(*)::int AS n FROM co_host_body WHERE id = ANY($1::uuid[]) AND active`, [input.coHostIds]);
      if (n !== new Set(input.coHostIds).size) throw EventErrors.unknownReference('coHostIds');
    }
    const delegation = input.details?.delegationEmployerIds;
    if (delegation?.length) {
      const [{ n }] = await this.ds.query(`SELECT count(*)::int AS n FROM employer WHERE id = ANY($1::uuid[]) AND status = 'VERIFIED'`, [delegation]);
      if (n !== new Set(delegation).size) throw EventErrors.unknownReference('delegationEmployerIds');
    }
  }

  checkTimes(e: { startsAt: Date; endsAt: Date; registrationOpensAt?: Date | null; registrationClosesAt?: Date | null }): void {
    if (e.endsAt <= e.startsAt) throw EventErrors.badTimes();
    if (e.registrationOpensAt && e.registrationClosesAt && e.registrationClosesAt < e.registrationOpensAt) throw EventErrors.badRegistrationWindow();
    if (e.registrationClosesAt && e.registrationClosesAt > e.endsAt) throw EventErrors.badRegistrationWindow();
  }

  /**
   * Runs a write; an exclusion violation on the venue becomes CONFLICT naming the clashing event,
   * by its title only when the viewer may read that event (else "another event").
   */
  async guardVenue<T>(
    venueId: string | null | undefined,
    range: { startsAt: Date; endsAt: Date; excludeId?: string } | null,
    write: () => Promise<T>,
    viewer: Actor | undefined,
  ): Promise<T> {
    try {
      return await write();
    } catch (error) {
      const code = (error as { code?: string; driverError?: { code?: string } }).driverError?.code ?? (error as { code?: string }).code;
      if (code !== EXCLUSION_VIOLATION) throw error;
      const detail = String((error as { detail?: string; driverError?: { detail?: string } }).driverError?.detail ?? (error as { detail?: string }).detail ?? '');
      const clash = await this.findClash(venueId ?? null, range, detail);
      const title = clash && this.permissions.can(viewer, 'event.read', clash) ? clash.title : null;
      throw EventErrors.venueTaken({ title, startsAt: clash?.startsAt ?? range?.startsAt ?? new Date(), endsAt: clash?.endsAt ?? range?.endsAt ?? new Date() });
    }
  }

  private async findClash(venueId: string | null, range: { startsAt: Date; endsAt: Date; excludeId?: string } | null, detail: string) {
    // The violation detail names the conflicting key: (venue_id, tstzrange(...)). Prefer the given range.
    const m = /\((?<venue>[0-9a-f-]{36}), \["(?<from>[^"]+)","(?<to>[^"]+)"\)\)/.exec(detail);
    const v = venueId ?? m?.groups?.venue ?? null;
    const from = range?.startsAt ?? (m?.groups ? new Date(m.groups.from!) : null);
    const to = range?.endsAt ?? (m?.groups ? new Date(m.groups.to!) : null);
    if (!v || !from || !to) return null;
    const rows: Array<{ title: string; startsAt: Date; endsAt: Date; regionCode: string; publishedAt: Date | null }> = await this.ds.query(
      `SELECT title, starts_at AS "startsAt", ends_at AS "endsAt", region_code AS "regionCode", published_at AS "publishedAt" FROM event
        WHERE venue_id = $1 AND status <> 'CANCELLED' AND tstzrange(starts_at, ends_at) && tstzrange($2, $3) AND id <> coalesce($4::uuid, '00000000-0000-0000-0000-000000000000')
        ORDER BY starts_at LIMIT 1`,
      [v, from, to, range?.excludeId ?? null],
    );
    return rows[0] ?? null;
  }
}

/** Where an edited event or series takes place: the sent fields over the base (an online event has no venue). */
export function placeOf(
  input: { venueId?: string | null; isOnline?: boolean | null; onlineUrl?: string | null; capacity?: number | null },
  base: { venueId: string | null; isOnline: boolean; onlineUrl: string | null; capacity: number },
): { venueId: string | null; isOnline: boolean; onlineUrl: string | null; capacity: number } {
  const place = {
    venueId: input.venueId !== undefined ? input.venueId : base.venueId,
    isOnline: input.isOnline ?? base.isOnline,
    onlineUrl: input.onlineUrl !== undefined ? input.onlineUrl : base.onlineUrl,
    capacity: input.capacity ?? base.capacity,
  };
  if (place.isOnline) place.venueId = null;
  return place;
}

/** The input fields that changed; the notification words them in each recipient's language. */
export function describeChanges(input: object): string[] {
  return Object.keys(input).filter((k) => (input as Record<string, unknown>)[k] !== undefined);
}
