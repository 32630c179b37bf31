import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuditEntryType, AuditLogArgs } from './audit.types.js';

/** Searching the append-only audit log (admins only). */
@Injectable()
export class AuditService {
  constructor(private readonly ds: DataSource) {}

  async search(args: AuditLogArgs): Promise<{ items: AuditEntryType[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (args.actorId) add('a.actor_id = ?', args.actorId);
    if (args.action) {
      if (args.action.endsWith('.')) add(`a.action LIKE ? || '%'`, args.action);
      else add('a.action = ?', args.action);
    }
    if (args.resourceType) add('a.resource_type = ?', args.resourceType);
    if (args.resourceId) add('a.resource_id = ?', args.resourceId);
    if (args.from) add('a.occurred_at >= ?', args.from);
    if (args.to) add('a.occurred_at < ?', args.to);
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const rows: Array<Omit<AuditEntryType, 'details'> & { details: Record<string, unknown> }> = await this.ds.query(
      `SELECT a.id::text AS id, a.occurred_at AS "occurredAt", a.actor_id AS "actorId", u.display_name AS "actorName", a.actor_role AS "actorRole",
              a.action, a.resource_type AS "resourceType", a.resource_id AS "resourceId", a.region_code AS "regionCode",
              host(a.ip_address) AS "ipAddress", a.details
         FROM audit_log a LEFT JOIN app_user u ON u.id = a.actor_id
         ${filter}
        ORDER BY a.occurred_at DESC, a.id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, args.take, args.skip],
    );
    const [{ n }] = await this.ds.query(`SELECT count(*)::int AS n FROM audit_log a ${filter}`, params);
    return { items: rows.map((r) => ({ ...r, details: JSON.stringify(r.details) })), total: n };
  }
}
