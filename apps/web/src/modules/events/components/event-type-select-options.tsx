import type { ReactNode } from 'react';
import type { EventType } from '@leye/domain';
import { eventTypeOptions, type DomainKey } from '../utils/event-type.js';

/** Options for a type Select: each label carries the type's calendar colour as a dot. */
export function eventTypeSelectOptions(key: DomainKey): Array<{ value: EventType; label: ReactNode }> {
  return eventTypeOptions(key).map((o) => ({
    value: o.value,
    label: (
      <span>
        <span className="type-dot" style={{ background: o.color }} /> {o.label}
      </span>
    ),
  }));
}
