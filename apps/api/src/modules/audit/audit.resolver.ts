import { Args, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../../common/permissions/allow.decorator.js';
import { AuditService } from './audit.service.js';
import { AuditLogArgs, AuditLogPage } from './audit.types.js';

@Resolver()
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Allow('audit.read')
  @Query(() => AuditLogPage, { description: '审计日志: search the audit log (admins only), newest first.' })
  async auditLog(@Args() args: AuditLogArgs): Promise<AuditLogPage> {
    return Object.assign(new AuditLogPage(), await this.audit.search(args));
  }
}
