import { SetMetadata } from '@nestjs/common';
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
