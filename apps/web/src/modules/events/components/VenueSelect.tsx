import { Select, type SelectProps } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/hooks/use-language.js';
import { regionLabel } from '../../regions/utils/region-label.js';
import { useVenues } from '../hooks/use-events.js';

type Props = Omit<SelectProps<string>, 'options' | 'loading'> & {
  /** The caller's region scope (a county organizer's county); null loads every venue. */
  scopeRegion: string | null;
  /** Venues of the event's own region are listed first. */
  preferRegion?: string | null;
};

/** 场馆: venues grouped by region, with their capacity. */
export function VenueSelect({ scopeRegion, preferRegion, ...props }: Props) {
  const { t } = useTranslation(['core', 'events']);
  const { language } = useLanguage();
  const { venues, loading } = useVenues(scopeRegion);
  const options = useMemo(() => {
    const groups = new Map<string, { label: string; options: { value: string; label: string; search: string }[] }>();
    const sorted = [...venues].sort(
      (a, b) => Number(b.region.code === preferRegion) - Number(a.region.code === preferRegion) || a.region.code.localeCompare(b.region.code),
    );
    for (const v of sorted) {
      const group = groups.get(v.region.code) ?? { label: regionLabel(v.region, language) ?? v.region.code, options: [] };
      group.options.push({
        value: v.id,
        label: `${v.name}（${t('events:form.venueCapacity', { count: v.capacity })}）`,
        search: `${v.name} ${v.address}`.toLowerCase(),
      });
      groups.set(v.region.code, group);
    }
    return [...groups.values()];
  }, [venues, preferRegion, language, t]);
  return (
    <Select<string>
      {...props}
      loading={loading}
      options={options}
      showSearch={{ filterOption: (input, option) => !!option && 'search' in option && String(option.search).includes(input.trim().toLowerCase()) }}
      notFoundContent={loading ? t('common.loading') : t('events:form.noVenues')}
    />
  );
}
