import type { EventSummaryFieldsFragment } from '../../../generated/graphql.js';
import { eventTypeColor, eventTypeTint } from '../utils/event-type.js';
import { formatShanghai } from '../utils/shanghai-time.js';

/** A month-cell entry: start time and title on the type's tint; struck through when cancelled. */
export function EventChip({ event, onOpen }: { event: EventSummaryFieldsFragment; onOpen(id: string): void }) {
  const cancelled = event.status === 'CANCELLED';
  return (
    <button
      type="button"
      className={`event-chip${cancelled ? ' event-chip-cancelled' : ''}${event.status === 'DRAFT' ? ' event-chip-draft' : ''}`}
      style={{ borderLeftColor: eventTypeColor(event.type), background: eventTypeTint(event.type) }}
      title={event.title}
      data-testid="event-chip"
      data-event-id={event.id}
      data-type={event.type}
      onClick={(e) => {
        // The chip sits inside the day cell; opening the event should not also select the day.
        e.stopPropagation();
        onOpen(event.id);
      }}
    >
      <span className="event-chip-time">{formatShanghai(event.startsAt, 'HH:mm')}</span>
      <span className="event-chip-title">{event.title}</span>
    </button>
  );
}
