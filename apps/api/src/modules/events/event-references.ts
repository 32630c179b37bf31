import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Role } from '@leye/domain';
import type { Actor } from '../../common/auth/actor.js';
import { forbidden } from '../../common/errors/app-error.js';
import { Permissions } from '../../common/permissions/permissions.service.js';

const STAFF_ROLES: ReadonlySet<Role> = new Set(['ORGANIZER', 'ADMIN', 'MENTOR', 'HOST']);

/**
 * What an event points at must be the caller's to use too: the venue (`venue.book`), the employers
 * of a delegation (`employer.read`) and the people put on its staff (`event.staffCandidate`).
 * Unknown ids are left to the service, which answers BAD_USER_INPUT naming the field.
 */
@Injectable()
export class EventReferences {
  constructor(
    private readonly ds: DataSource,
    private readonly permissions: Permissions,
  ) {}

  async requireUsable(actor: Actor, refs: { venueId?: string | null; delegationEmployerIds?: string[] | null }): Promise<void> {
    if (refs.venueId) {
      const [venue]: Array<{ regionCode: string }> = await this.ds.query(`SELECT region_code AS "regionCode" FROM venue WHERE id = $1`, [refs.venueId]);
      if (venue && !this.permissions.can(actor, 'venue.book', venue)) throw forbidden({ reason: 'VENUE_OUT_OF_REGION', message: 'You can only use venues in your region' });
    }
    if (refs.delegationEmployerIds?.length) {
      const employers: Array<{ id: string; regionCode: string }> = await this.ds.query(
        `SELECT id, region_code AS "regionCode" FROM employer WHERE id = ANY($1::uuid[])`,
        [refs.delegationEmployerIds],
      );
      if (employers.some((e) => !this.permissions.can(actor, 'employer.read', e))) {
        throw forbidden({ reason: 'DELEGATION_EMPLOYER_HIDDEN', message: 'The delegation names an employer you may not read' });
      }
    }
  }

  async requireStaffCandidate(actor: Actor, userId: string): Promise<void> {
    const [user]: Array<{ role: Role; regionCode: string | null }> = await this.ds.query(
      `SELECT role, region_code AS "regionCode" FROM app_user WHERE id = $1 AND disabled_at IS NULL`,
      [userId],
    );
    if (user && STAFF_ROLES.has(user.role) && !this.permissions.can(actor, 'event.staffCandidate', user)) {
      throw forbidden({ reason: 'STAFF_OUT_OF_REGION', message: 'You can only assign staff of regions you cover' });
    }
  }
}
