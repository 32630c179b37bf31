import { Select, type SelectProps } from 'antd';
import { useMemo } from 'react';
import { useLanguage } from '../../i18n/hooks/use-language.js';
import { regionOptions } from '../utils/region-label.js';

type Props = Omit<SelectProps<string>, 'options' | 'showSearch'> & { includeCity?: boolean };

/** Linyi city and its districts, counties and zones, from the list shared with the API. */
export function RegionSelect({ includeCity = true, ...props }: Props) {
  const { language } = useLanguage();
  const options = useMemo(() => regionOptions(language, { includeCity }), [language, includeCity]);
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
