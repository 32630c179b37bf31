import type { EventStatus } from '@leye/domain';

/** Tag colours: drafts grey, published blue, completed green, cancelled red. */
export const EVENT_STATUS_COLOR: Record<EventStatus, string> = {
  DRAFT: 'default',
  PUBLISHED: 'processing',
  COMPLETED: 'success',
  CANCELLED: 'error',
};
