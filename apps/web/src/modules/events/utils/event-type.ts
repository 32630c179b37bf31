import { EVENT_SUBTYPE_LABELS, EVENT_SUBTYPES, EVENT_TYPE_LABELS, EVENT_TYPES, type EventType } from '@leye/domain';

export type DomainKey = 'zh' | 'en';

/** Labels and colours come from @leye/domain, so the API's ICS feed and the web app name types alike. */
export function eventTypeLabel(type: EventType, key: DomainKey): string {
  return EVENT_TYPE_LABELS[type]?.[key] ?? type;
}

export function eventTypeColor(type: EventType): string {
  return EVENT_TYPE_LABELS[type]?.color ?? '#8c8c8c';
}

export function eventSubtypeLabel(subtype: string, key: DomainKey): string {
  return EVENT_SUBTYPE_LABELS[subtype]?.[key] ?? subtype;
}

export function eventTypeOptions(key: DomainKey) {
  return EVENT_TYPES.map((type) => ({ value: type, label: eventTypeLabel(type, key), color: eventTypeColor(type) }));
}

/** The subtypes of one type, or of all types (labels then carry the type, since TRAINING appears twice). */
export function eventSubtypeOptions(type: EventType | null | undefined, key: DomainKey) {
  if (type) return EVENT_SUBTYPES[type].map((s) => ({ value: s, label: eventSubtypeLabel(s, key) }));
  return EVENT_TYPES.flatMap((t) =>
    EVENT_SUBTYPES[t].map((s) => ({ value: s, label: `${eventTypeLabel(t, key)} · ${eventSubtypeLabel(s, key)}` })),
  );
}

/** Which type-specific fields the event form asks for. */
export function eventDetailFields(type: EventType | null | undefined, subtype: string | null | undefined) {
  return {
    industry: type === 'JOB_FAIR' && subtype === 'INDUSTRY',
    campus: type === 'CAMPUS_RECRUITING',
  };
}

/** A light background for a chip of the type's colour (hex + alpha). */
export function eventTypeTint(type: EventType, alpha = 0.12): string {
  const hex = eventTypeColor(type).replace('#', '');
  const [r, g, b] = [0, 2, 4].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}
