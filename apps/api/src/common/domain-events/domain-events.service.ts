import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DecoratedMethods } from '../discovery/decorated-methods.js';
import { JobQueue } from '../jobs/job-queue.service.js';
import { RequestContext } from '../request-context/request-context.js';
import type { DomainEvent, DomainEventMap, DomainEventName } from './domain-event-map.js';
import {
  DOMAIN_EVENT_SUBSCRIBER,
  DOMAIN_EVENT_TRANSACTIONAL,
  type SubscriberMetadata,
  type TransactionalSubscriberMetadata,
} from './on-domain-event.decorator.js';

/**
 * The transactional outbox. `record` writes one job per subscriber of the event into the caller's
 * transaction (pg-boss's job table is the outbox): the change and its consequences commit
 * together, and nothing is delivered before the commit. `@WithinTransaction` handlers run right
 * here, in the same transaction, for the rows that must follow the change atomically.
 */
@Injectable()
export class DomainEvents implements OnModuleInit {
  private readonly logger = new Logger(DomainEvents.name);
  /** event name → queue names of its subscribers */
  private readonly subscribers = new Map<string, string[]>();
  /** event name → `@WithinTransaction` handlers, run inside `record` */
  private readonly transactional = new Map<string, Array<(manager: EntityManager, event: DomainEvent) => Promise<unknown>>>();

  constructor(
    private readonly methods: DecoratedMethods,
    private readonly queue: JobQueue,
  ) {}

  /** Finds every `@OnDomainEvent` method and registers it as a queue of its own. */
  onModuleInit(): void {
    for (const { owner, method, call, meta } of this.methods.find<SubscriberMetadata, (event: DomainEvent) => Promise<unknown>>(DOMAIN_EVENT_SUBSCRIBER)) {
      const queueName = `event.${owner}.${method}`;
      this.queue.register<DomainEvent>(queueName, call, { retryLimit: meta.retryLimit });
      for (const name of meta.events) this.subscribers.set(name, [...(this.subscribers.get(name) ?? []), queueName]);
    }
    for (const { call, meta } of this.methods.find<TransactionalSubscriberMetadata, (manager: EntityManager, event: DomainEvent) => Promise<unknown>>(
      DOMAIN_EVENT_TRANSACTIONAL,
    )) {
      for (const name of meta.events) this.transactional.set(name, [...(this.transactional.get(name) ?? []), call]);
    }
    this.logger.debug(`domain event subscribers: ${JSON.stringify(Object.fromEntries(this.subscribers))}`);
  }

  /** Queue names subscribed to an event (for tests and docs). */
  subscribersOf(name: DomainEventName): string[] {
    return this.subscribers.get(name) ?? [];
  }

  /**
   * Records a domain event inside `manager`'s transaction. The caller and the request's address
   * come from the request context unless given (jobs acting on their own pass `actor: null`).
   */
  async record<N extends DomainEventName>(
    manager: EntityManager,
    name: N,
    payload: DomainEventMap[N],
    opts: { actor?: { id: string; role: string } | null } = {},
  ): Promise<DomainEvent<N>> {
    if (!manager.queryRunner?.isTransactionActive) throw new Error(`Domain event ${name} must be recorded inside a transaction`);
    const current = RequestContext.actor();
    const event: DomainEvent<N> = {
      id: randomUUID(),
      name,
      payload,
      actor: actorOf(opts.actor !== undefined ? opts.actor : current),
      ip: RequestContext.ip(),
      requestId: RequestContext.requestId(),
      occurredAt: new Date().toISOString(),
    };
    for (const queueName of this.subscribersOf(name)) await this.queue.send(queueName, event, manager);
    for (const handler of this.transactional.get(name) ?? []) await handler(manager, event as DomainEvent);
    return event;
  }
}

const actorOf = (a: { id: string; role: string } | null): DomainEvent['actor'] => (a ? { id: a.id, role: a.role } : null);
