import type { EventStatus } from '@leye/domain';

/** Tag colours: drafts grey, published blue, completed green, cancelled red. */
export const EVENT_STATUS_COLOR: Record<EventStatus, string> = {
  DRAFT: 'default',
  PUBLISHED: 'processing',
  COMPLETED: 'success',
  CANCELLED: 'error',
};

/** Which actions an organizer may take on an event in a given status. */
export function eventActions(status: EventStatus, startsAt: string, now: Date = new Date()) {
  return {
    // Only an event that has begun can be marked as held.
    complete: status === 'PUBLISHED' && new Date(startsAt) <= now,
    publish: status === 'DRAFT',
    edit: status === 'DRAFT' || status === 'PUBLISHED',
    reschedule: status === 'DRAFT' || status === 'PUBLISHED',
    cancel: status === 'DRAFT' || status === 'PUBLISHED',
  };
}
