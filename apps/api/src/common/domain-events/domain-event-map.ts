/**
 * Every domain event's name and payload. Empty here on purpose: each feature adds its own events
 * by declaration merging, next to its code:
 *
 *   declare module '../../common/domain-events/domain-event-map.js' {
 *     interface DomainEventMap { 'event.cancelled': { eventId: string; reason: string } }
 *   }
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging in each feature
export interface DomainEventMap {}

export type DomainEventName = keyof DomainEventMap & string;

/** What is stored and handed to subscribers: the payload plus who did it, from where, and when. */
export interface DomainEvent<N extends DomainEventName = DomainEventName> {
  /** Unique per recorded event: subscribers use it as their idempotency key. */
  id: string;
  name: N;
  payload: DomainEventMap[N];
  actor: { id: string; role: string } | null;
  ip: string | null;
  requestId: string | null;
  occurredAt: string;
}
