import { EVENT_STATUSES, type EventType } from '@leye/domain';
import { Flex, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/hooks/use-language.js';
import { RegionSelect } from '../../regions/components/RegionSelect.js';
import type { CalendarParams } from '../utils/calendar-params.js';
import { eventSubtypeOptions } from '../utils/event-type.js';
import { eventTypeSelectOptions } from './event-type-select-options.js';

/** Type(s), subtype, region (within the organizer's scope), status and free text. */
export function CalendarFilters({
  params,
  regionCodes,
  onChange,
}: {
  params: CalendarParams;
  /** The regions the user may see; null for all. */
  regionCodes: readonly string[] | null;
  onChange(patch: Partial<CalendarParams>): void;
}) {
  const { t } = useTranslation(['core', 'events']);
  const { domainKey } = useLanguage();
  const [text, setText] = useState(params.text);
  useEffect(() => setText(params.text), [params.text]);
  // A subtype only narrows one type; with several types it would be ambiguous.
  const subtypeType = params.types.length === 1 ? params.types[0] : null;

  return (
    <Flex gap={8} wrap className="calendar-filters">
      <Select<EventType[]>
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        value={params.types}
        onChange={(types) => onChange({ types, subtype: types.length === 1 ? params.subtype : null })}
        placeholder={t('events:filters.types')}
        options={eventTypeSelectOptions(domainKey)}
        style={{ minWidth: 200, flex: '1 1 200px' }}
        data-testid="filter-types"
      />
      <Select<string>
        allowClear
        value={params.subtype ?? undefined}
        onChange={(subtype) => onChange({ subtype: subtype ?? null })}
        disabled={!subtypeType}
        placeholder={subtypeType ? t('events:filters.subtype') : t('events:filters.subtypeNeedsType')}
        options={eventSubtypeOptions(subtypeType, domainKey)}
        style={{ minWidth: 160, flex: '1 1 160px' }}
        data-testid="filter-subtype"
      />
      <RegionSelect
        allowClear
        onlyCodes={regionCodes}
        value={params.regionCode ?? undefined}
        onChange={(v) => onChange({ regionCode: v ?? null })}
        placeholder={t('events:filters.region')}
        style={{ minWidth: 150, flex: '1 1 150px' }}
        data-testid="filter-region"
      />
      <Select
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        value={params.statuses}
        onChange={(statuses) => onChange({ statuses })}
        placeholder={t('events:filters.statuses')}
        options={EVENT_STATUSES.map((s) => ({ value: s, label: t(`events:status.${s}`) }))}
        style={{ minWidth: 160, flex: '1 1 160px' }}
        data-testid="filter-statuses"
      />
      <Input.Search
        allowClear
        value={text}
        onChange={(e) => setText(e.target.value)}
        onSearch={(v) => onChange({ text: v.trim() })}
        placeholder={t('events:filters.search')}
        style={{ flex: '2 1 220px', maxWidth: 360 }}
        data-testid="filter-search"
      />
    </Flex>
  );
}
