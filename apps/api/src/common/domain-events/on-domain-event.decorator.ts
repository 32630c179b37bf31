import { SetMetadata } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DomainEvent, DomainEventName } from './domain-event-map.js';

export const DOMAIN_EVENT_SUBSCRIBER = 'leye:domain-event-subscriber';

export interface SubscriberOptions {
  /** Attempts after the first failure (default 5, with exponential backoff). */
  retryLimit?: number;
}

export interface SubscriberMetadata extends SubscriberOptions {
  events: DomainEventName[];
}

type Handler<N extends DomainEventName> = (event: DomainEvent<N>) => Promise<unknown>;

/**
 * Marks a provider method as a subscriber of one or more domain events. Each subscriber runs as
 * its own job (queue `event.<Class>.<method>`), so one failing subscriber retries alone.
 */
export function OnDomainEvent<N extends DomainEventName>(events: N | N[], options: SubscriberOptions = {}) {
  return <T extends Handler<N>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<T>) =>
    SetMetadata<string, SubscriberMetadata>(DOMAIN_EVENT_SUBSCRIBER, { ...options, events: Array.isArray(events) ? events : [events] })(target, key, descriptor);
}

export const DOMAIN_EVENT_TRANSACTIONAL = 'leye:domain-event-transactional';

export interface TransactionalSubscriberMetadata {
  events: DomainEventName[];
}

type TransactionalHandler<N extends DomainEventName> = (manager: EntityManager, event: DomainEvent<N>) => Promise<unknown>;

/**
 * Marks a provider method that must change its own rows in the same transaction as the event
 * (a cancelled fair cancels its booth bookings: both commit or neither). It runs inside
 * `DomainEvents.record`, with the caller's transaction manager; throwing rolls the whole change back.
 * Keep it to writes: anything slow or external (notices, pushes) belongs in an `@OnDomainEvent`
 * subscriber, or in a domain event the handler records itself with the same manager.
 */
export function WithinTransaction<N extends DomainEventName>(events: N | N[]) {
  return <T extends TransactionalHandler<N>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<T>) =>
    SetMetadata<string, TransactionalSubscriberMetadata>(DOMAIN_EVENT_TRANSACTIONAL, { events: Array.isArray(events) ? events : [events] })(target, key, descriptor);
}
