import { Module } from '@nestjs/common';
import { AuditLogSubscriber } from './audit-log.subscriber.js';
import { AuditResolver } from './audit.resolver.js';
import { AuditService } from './audit.service.js';

/** The append-only audit log: written by a domain-event subscriber, searched by admins. */
@Module({ providers: [AuditLogSubscriber, AuditService, AuditResolver] })
export class AuditModule {}
