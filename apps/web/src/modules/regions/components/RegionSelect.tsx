import { Select, type SelectProps } from 'antd';
import { useMemo } from 'react';
import { useLanguage } from '../../i18n/hooks/use-language.js';
import { regionOptions } from '../utils/region-label.js';

type Props = Omit<SelectProps<string>, 'options' | 'showSearch'> & {
  includeCity?: boolean;
  /** Only these regions (a county organizer's own county); null or absent for all. */
  onlyCodes?: readonly string[] | null;
};

/** Linyi city and its districts, counties and zones, from the list shared with the API. */
export function RegionSelect({ includeCity = true, onlyCodes, ...props }: Props) {
  const { language } = useLanguage();
  const options = useMemo(
    () => regionOptions(language, { includeCity }).filter((o) => !onlyCodes || onlyCodes.includes(o.value)),
    [language, includeCity, onlyCodes],
  );
  return (
    <Select<string>
      {...props}
      options={options}
      showSearch={{
        filterOption: (input, option) => !!option && String(option.search).includes(input.trim().toLowerCase()),
      }}
    />
  );
}
