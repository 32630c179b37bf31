import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CITY_REGION_CODE } from '@leye/domain';
import type { Actor } from '../../common/auth/actor.js';
import { DomainEvents } from '../../common/domain-events/domain-events.service.js';
import { badInput } from '../../common/errors/app-error.js';
import { AccessPolicy } from '../policy/access-policy.js';
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

  async create(actor: Actor, input: CreateStaffAccountInput): Promise<UserEntity> {
    const regionCode = input.regionCode ?? (input.role === 'ORGANIZER' ? null : (actor.regionCode ?? CITY_REGION_CODE));
    if (input.role === 'ORGANIZER' && !regionCode) {
      throw badInput('组织者必须指定所属区域 / An organizer needs a region', { regionCode: 'required' });
    }
    if (regionCode && !(await this.regions.exists(regionCode))) {
      throw badInput('未知的区域代码 / Unknown region code', { regionCode: 'unknown' });
    }
    AccessPolicy.assert(
      AccessPolicy.canCreateAccount(actor, input.role, regionCode),
      '无权创建该类账号或该区域的账号 / You may not create this kind of account in that region',
    );
    return this.ds.transaction(async (m) => {
      const user = await this.users.createAccount({ ...input, regionCode }, m);
      await this.domainEvents.record(m, 'staff.created', { userId: user.id, role: user.role, displayName: user.displayName, regionCode: user.regionCode }, { actor });
      return user;
    });
  }
}
