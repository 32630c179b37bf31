import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CITY_REGION_CODE } from '@leye/domain';
import type { Actor } from '../../common/auth/actor.js';
import { DomainEvents } from '../../common/domain-events/domain-events.service.js';
import { badInput } from '../../common/errors/app-error.js';
import { RegionsService } from '../regions/regions.service.js';
import type { CreateStaffAccountInput } from './dtos/user.inputs.js';
import type { UserEntity } from './user.entity.js';
import { UsersService } from './users.service.js';
import './user.domain-events.js';

/** Accounts people cannot create for themselves: organizers, mentors, hosts (and admins). */
@Injectable()
export class StaffAccountsService {
  constructor(
    private readonly users: UsersService,
    private readonly regions: RegionsService,
    private readonly ds: DataSource,
    private readonly domainEvents: DomainEvents,
  ) {}

  /** The region the new account gets: the one asked for, else (mentors, hosts) the creator's. Organizers need one. */
  regionFor(actor: Actor, input: CreateStaffAccountInput): string | null {
    const regionCode = input.regionCode ?? (input.role === 'ORGANIZER' ? null : (actor.regionCode ?? CITY_REGION_CODE));
    if (input.role === 'ORGANIZER' && !regionCode) {
      throw badInput({ reason: 'REGION_REQUIRED', message: 'An organizer needs a region' }, { regionCode: 'REQUIRED' });
    }
    return regionCode;
  }

  /** Creates an account the caller has been authorised (`user.createStaff`) to create in `regionCode`. */
  async create(actor: Actor, input: CreateStaffAccountInput, regionCode: string | null): Promise<UserEntity> {
    if (regionCode && !(await this.regions.exists(regionCode))) {
      throw badInput({ reason: 'UNKNOWN_REGION', message: 'Unknown region code' }, { regionCode: 'UNKNOWN_REGION' });
    }
    return this.ds.transaction(async (m) => {
      const user = await this.users.createAccount({ ...input, regionCode, mustChangePassword: true }, m);
      await this.domainEvents.record(m, 'staff.created', { userId: user.id, role: user.role, displayName: user.displayName, regionCode: user.regionCode }, { actor });
      return user;
    });
  }
}
