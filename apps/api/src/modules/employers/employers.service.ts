import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, type EntityManager } from 'typeorm';
import { CREDIT_CODE_MESSAGES, checkCreditCode } from '@leye/domain';
import type { Actor } from '../../common/auth/actor.js';
import { badInput, conflict, notFound, uniqueViolation } from '../../common/errors/app-error.js';
import { DomainEvents } from '../../common/domain-events/domain-events.service.js';
import { EmployerEntity, EmployerStatus } from './employer.entity.js';
import { EmployerErrors } from './employer.exception.js';
import './employer.domain-events.js';

export interface EmployerQuery {
  status?: EmployerStatus;
  regionCode?: string;
  search?: string;
  /** null: every region. */
  regionScope: string[] | null;
  take: number;
  skip: number;
}

@Injectable()
export class EmployersService {
  constructor(
    private readonly ds: DataSource,
    private readonly domainEvents: DomainEvents,
  ) {}

  async createPending(
    manager: EntityManager,
    input: { name: string; creditCode: string; regionCode: string; contactName: string; contactPhone: string | null },
  ): Promise<EmployerEntity> {
    try {
      const rows: Array<{ id: string }> = await manager.query(
        `INSERT INTO employer (name, credit_code, region_code, status, contact_name, contact_phone)
         VALUES ($1, $2, $3, 'PENDING', $4, $5) RETURNING id`,
        [input.name.trim(), input.creditCode, input.regionCode, input.contactName, input.contactPhone],
      );
      const employer = (await manager.getRepository(EmployerEntity).findOneBy({ id: rows[0]!.id }))!;
      await this.domainEvents.record(manager, 'employer.registered', { employerId: employer.id, name: employer.name, regionCode: employer.regionCode });
      return employer;
    } catch (error) {
      if (uniqueViolation(error) === 'employer_credit_code_key') throw EmployerErrors.creditCodeTaken();
      throw error;
    }
  }

  async findById(id: string): Promise<EmployerEntity> {
    const employer = await this.ds.getRepository(EmployerEntity).findOneBy({ id });
    if (!employer) throw notFound('Employer');
    return employer;
  }

  async list(q: EmployerQuery): Promise<{ items: EmployerEntity[]; total: number }> {
    const qb = this.ds.getRepository(EmployerEntity).createQueryBuilder('e');
    if (q.regionScope) qb.andWhere('e.region_code IN (:...scope)', { scope: q.regionScope.length ? q.regionScope : ['-'] });
    if (q.status) qb.andWhere('e.status = :status', { status: q.status });
    if (q.regionCode) qb.andWhere('e.region_code = :region', { region: q.regionCode });
    const search = q.search?.trim();
    if (search) {
      qb.andWhere(
        new Brackets((w) =>
          w.where('e.name ILIKE :like', { like: `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` }).orWhere('e.credit_code = :code', {
            code: search.toUpperCase(),
          }),
        ),
      );
    }
    const [items, total] = await qb.orderBy('e.created_at', 'DESC').addOrderBy('e.id').take(q.take).skip(q.skip).getManyAndCount();
    return { items, total };
  }

  /**
   * Verifies or rejects a PENDING employer. The conditional UPDATE makes the review happen once:
   * a second, concurrent review finds no PENDING row and gets CONFLICT.
   */
  async review(id: string, reviewerId: string, decision: { verified: true } | { verified: false; reason: string }): Promise<EmployerEntity> {
    const status = decision.verified ? EmployerStatus.VERIFIED : EmployerStatus.REJECTED;
    const reason = decision.verified ? null : decision.reason.trim();
    if (!decision.verified && !reason) throw EmployerErrors.reasonRequired();
    const reviewed = await this.ds.transaction(async (m) => {
      const [rows]: [Array<{ id: string; name: string; regionCode: string }>, number] = await m.query(
        `UPDATE employer SET status = $2, rejection_reason = $3, reviewed_at = now(), reviewed_by = $4, updated_at = now()
          WHERE id = $1 AND status = 'PENDING' RETURNING id, name, region_code AS "regionCode"`,
        [id, status, reason, reviewerId],
      );
      const e = rows[0];
      if (!e) return false;
      const ref = { employerId: e.id, name: e.name, regionCode: e.regionCode };
      if (decision.verified) await this.domainEvents.record(m, 'employer.verified', ref);
      else await this.domainEvents.record(m, 'employer.rejected', { ...ref, reason: reason! });
      return true;
    });
    if (!reviewed) {
      const current = await this.findById(id);
      throw EmployerErrors.alreadyReviewed(current.status);
    }
    return this.findById(id);
  }

  /**
   * A rejected employer's member corrects the details and asks for review again: back to PENDING (conditional
   * UPDATE, so only a REJECTED employer moves), and the organizers of the (possibly new) region are told.
   */
  async resubmit(
    actor: Actor,
    id: string,
    input: { name: string; creditCode: string; regionCode: string; contactName: string; contactPhone?: string | null },
    regionExists: (code: string) => Promise<boolean>,
  ): Promise<EmployerEntity> {
    const code = checkCreditCode(input.creditCode);
    if (!code.valid) {
      const reason = `CREDIT_CODE_${code.problem!}`;
      throw badInput({ reason, message: CREDIT_CODE_MESSAGES[code.problem!].en }, { creditCode: reason });
    }
    if (!(await regionExists(input.regionCode))) {
      throw badInput({ reason: 'UNKNOWN_REGION', message: 'Choose the region the employer is in' }, { regionCode: 'UNKNOWN_REGION' });
    }
    try {
      await this.ds.transaction(async (m) => {
        const [rows]: [Array<{ previous: string }>, number] = await m.query(
          `UPDATE employer e SET name = $2, credit_code = $3, region_code = $4, contact_name = $5, contact_phone = $6,
                  status = 'PENDING', rejection_reason = NULL, reviewed_at = NULL, reviewed_by = NULL, updated_at = now()
             FROM employer old WHERE e.id = $1 AND old.id = e.id AND e.status = 'REJECTED'
           RETURNING old.region_code AS previous`,
          [id, input.name.trim(), code.normalized, input.regionCode, input.contactName.trim(), input.contactPhone?.trim() || null],
        );
        if (!rows[0]) throw conflict({ reason: 'EMPLOYER_NOT_REJECTED', message: 'Only a rejected employer can be resubmitted' });
        await this.domainEvents.record(
          m,
          'employer.resubmitted',
          { employerId: id, name: input.name.trim(), regionCode: input.regionCode, previousRegionCode: rows[0].previous },
          { actor },
        );
      });
    } catch (error) {
      if (uniqueViolation(error) === 'employer_credit_code_key') throw EmployerErrors.creditCodeTaken();
      throw error;
    }
    return this.findById(id);
  }

  /** Its region's organizer withdraws a verification: REJECTED with the reason (the employer may correct and resubmit). */
  async revoke(actor: Actor, id: string, reason: string): Promise<EmployerEntity> {
    await this.ds.transaction(async (m) => {
      const [rows]: [Array<{ name: string; regionCode: string }>, number] = await m.query(
        `UPDATE employer SET status = 'REJECTED', rejection_reason = $2, reviewed_at = now(), reviewed_by = $3, updated_at = now()
          WHERE id = $1 AND status = 'VERIFIED' RETURNING name, region_code AS "regionCode"`,
        [id, reason.trim(), actor.id],
      );
      if (!rows[0]) throw conflict({ reason: 'EMPLOYER_NOT_VERIFIED', message: 'Only a verified employer can have its verification revoked' });
      await this.domainEvents.record(m, 'employer.revoked', { employerId: id, name: rows[0].name, regionCode: rows[0].regionCode, reason: reason.trim() }, { actor });
    });
    return this.findById(id);
  }
}
