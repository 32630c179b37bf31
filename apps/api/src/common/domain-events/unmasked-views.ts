import { Global, Injectable, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { DomainEvents } from './domain-events.service.js';

declare module './domain-event-map.js' {
  interface DomainEventMap {
    /**
     * Someone other than the person saw their phone, e-mail or ID number in full (docs/privacy.md#audit):
     * `subjectType` is the record shown (application, mentor), `subjectId` its id, `fields` what was unmasked.
     */
    'personal-data.viewed': { subjectType: string; subjectId: string; regionCode: string | null; fields: string[] };
  }
}

/** Writes one audit entry per unmasked single view of another person's data (through the outbox). */
@Injectable()
export class UnmaskedViews {
  constructor(
    private readonly ds: DataSource,
    private readonly domainEvents: DomainEvents,
  ) {}

  async record(actor: Actor, subject: { type: string; id: string; regionCode: string | null; fields: string[] }): Promise<void> {
    await this.ds.transaction((m) =>
      this.domainEvents.record(m, 'personal-data.viewed', { subjectType: subject.type, subjectId: subject.id, regionCode: subject.regionCode, fields: subject.fields }, { actor }),
    );
  }
}

@Global()
@Module({ providers: [UnmaskedViews], exports: [UnmaskedViews] })
export class UnmaskedViewsModule {}
