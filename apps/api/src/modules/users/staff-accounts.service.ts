import { Injectable } from '@nestjs/common';
import { CITY_REGION_CODE } from '@leye/domain';
import type { Actor } from '../../common/auth/actor.js';
import { badInput } from '../../common/errors/app-error.js';
import { AccessPolicy } from '../policy/access-policy.js';
import { RegionsService } from '../regions/regions.service.js';
import type { CreateStaffAccountInput } from './dtos/user.inputs.js';
import type { UserEntity } from './user.entity.js';
import { UsersService } from './users.service.js';

/** Accounts people cannot create for themselves: organizers, mentors, hosts (and admins). */
@Injectable()
export class StaffAccountsService {
  constructor(
    private readonly users: UsersService,
    private readonly regions: RegionsService,
  ) {}

  async create(actor: Actor, input: CreateStaffAccountInput): Promise<UserEntity> {
    const regionCode = input.regionCode ?? (input.role === 'ORGANIZER' ? null : (actor.regionCode ?? CITY_REGION_CODE));
    if (input.role === 'ORGANIZER' && !regionCode) {
      throw badInput({ reason: 'REGION_REQUIRED', message: 'An organizer needs a region' }, { regionCode: 'REQUIRED' });
    }
    if (regionCode && !(await this.regions.exists(regionCode))) {
      throw badInput({ reason: 'UNKNOWN_REGION', message: 'Unknown region code' }, { regionCode: 'UNKNOWN_REGION' });
    }
    AccessPolicy.assert(
      AccessPolicy.canCreateAccount(actor, input.role, regionCode),
      'You may not create this kind of account in that region',
    );
    return this.users.createAccount({ ...input, regionCode });
  }
}
