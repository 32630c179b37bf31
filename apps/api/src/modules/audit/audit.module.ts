import { Module } from '@nestjs/common';
import { PermissionRegistry } from '../../common/permissions/permission-registry.js';
import { AuditLogSubscriber } from './audit-log.subscriber.js';
import { auditRules } from './audit.permissions.js';
import { AuditResolver } from './audit.resolver.js';
import { AuditService } from './audit.service.js';

/** The append-only audit log: written by a domain-event subscriber, searched by admins. */
@Module({ providers: [AuditLogSubscriber, AuditService, AuditResolver] })
export class AuditModule {
  constructor(registry: PermissionRegistry) {
    registry.register(auditRules);
  }
}
