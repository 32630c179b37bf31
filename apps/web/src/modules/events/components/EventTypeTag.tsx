import type { EventType } from '@leye/domain';
import { Tag } from 'antd';
import { useLanguage } from '../../i18n/hooks/use-language.js';
import { eventSubtypeLabel, eventTypeColor, eventTypeLabel } from '../utils/event-type.js';

/** The event's type in its calendar colour, optionally with the subtype. */
export function EventTypeTag({ type, subtype }: { type: EventType; subtype?: string | null }) {
  const { domainKey } = useLanguage();
  const typeLabel = eventTypeLabel(type, domainKey);
  // Some subtypes repeat their type's name (直播带岗 · 直播带岗); say it once.
  const subtypeLabel = subtype ? eventSubtypeLabel(subtype, domainKey) : null;
  return (
    <Tag color={eventTypeColor(type)} data-testid="event-type" data-type={type} style={{ marginInlineEnd: 4 }}>
      {typeLabel}
      {subtypeLabel && subtypeLabel !== typeLabel ? ` · ${subtypeLabel}` : ''}
    </Tag>
  );
}
