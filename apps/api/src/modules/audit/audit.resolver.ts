import { Args, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '../../common/auth/decorators.js';
import { AuditService } from './audit.service.js';
import { AuditLogArgs, AuditLogPage } from './audit.types.js';

@Resolver()
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Roles('ADMIN')
  @Query(() => AuditLogPage, { description: '审计日志: search the audit log (admins only), newest first.' })
  async auditLog(@Args() args: AuditLogArgs): Promise<AuditLogPage> {
    return Object.assign(new AuditLogPage(), await this.audit.search(args));
  }
}
