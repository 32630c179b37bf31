import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { DomainEvents } from '../../common/domain-events/domain-events.service.js';
import { conflict } from '../../common/errors/app-error.js';
import { SessionStore } from '../../common/auth/session-store.js';
import { UserEntity } from './user.entity.js';
import './user.domain-events.js';

export interface UserQuery {
  search?: string;
  role?: string;
  regionCode?: string;
  disabled?: boolean;
  take: number;
  skip: number;
}

const like = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The admin's account list, and deactivating / reactivating an account (its sessions end at once). */
@Injectable()
export class UserAdminService {
  constructor(
    private readonly ds: DataSource,
    private readonly tokens: SessionStore,
    private readonly domainEvents: DomainEvents,
  ) {}

  async list(q: UserQuery): Promise<{ items: UserEntity[]; total: number }> {
    const qb = this.ds.getRepository(UserEntity).createQueryBuilder('u');
    const search = q.search?.trim();
    if (search) {
      const digits = search.replace(/[\s-]/g, '');
      qb.andWhere('(u.display_name ILIKE :like OR u.email ILIKE :like OR (:digits <> \'\' AND u.phone LIKE :phone))', {
        like: like(search),
        digits: /^\d+$/.test(digits) ? digits : '',
        phone: like(digits),
      });
    }
    if (q.role) qb.andWhere('u.role = :role', { role: q.role });
    if (q.regionCode) qb.andWhere('u.region_code = :region', { region: q.regionCode });
    if (q.disabled !== undefined) qb.andWhere(q.disabled ? 'u.disabled_at IS NOT NULL' : 'u.disabled_at IS NULL');
    const [items, total] = await qb.orderBy('u.created_at', 'DESC').addOrderBy('u.id').take(q.take).skip(q.skip).getManyAndCount();
    return { items, total };
  }

  /**
   * Deactivates (conditional UPDATE: once) and revokes every refresh-token family in the same transaction; answers
   * the ended sessions so their sockets can be disconnected. The auth guard re-reads the account on every request,
   * so access tokens already issued stop working at once too.
   */
  async deactivate(actor: Actor, id: string, reason: string): Promise<{ user: UserEntity; endedSessions: string[] }> {
    return this.ds.transaction(async (m) => {
      const [rows]: [UserEntity[], number] = await m.query(
        `UPDATE app_user SET disabled_at = now(), disabled_reason = $2, updated_at = now()
          WHERE id = $1 AND disabled_at IS NULL RETURNING id, role, region_code AS "regionCode"`,
        [id, reason.trim()],
      );
      const u = rows[0];
      if (!u) throw conflict({ reason: 'USER_ALREADY_DEACTIVATED', message: 'This account is already deactivated' });
      const endedSessions = await this.tokens.revokeSessionsOf(id, null, m);
      await this.domainEvents.record(m, 'user.deactivated', { userId: id, role: u.role, regionCode: u.regionCode, reason: reason.trim() }, { actor });
      return { user: (await m.getRepository(UserEntity).findOneBy({ id }))!, endedSessions };
    });
  }

  async reactivate(actor: Actor, id: string, reason: string): Promise<UserEntity> {
    return this.ds.transaction(async (m) => {
      const [rows]: [UserEntity[], number] = await m.query(
        `UPDATE app_user SET disabled_at = NULL, disabled_reason = NULL, updated_at = now()
          WHERE id = $1 AND disabled_at IS NOT NULL RETURNING id, role, region_code AS "regionCode"`,
        [id],
      );
      const u = rows[0];
      if (!u) throw conflict({ reason: 'USER_NOT_DEACTIVATED', message: 'This account is active' });
      await this.domainEvents.record(m, 'user.reactivated', { userId: id, role: u.role, regionCode: u.regionCode, reason: reason.trim() }, { actor });
      return (await m.getRepository(UserEntity).findOneBy({ id }))!;
    });
  }
}
