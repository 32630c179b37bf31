import { Select, type SelectProps } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDelegationEmployers } from '../hooks/use-events.js';

/** The employers travelling with a campus-recruiting trip, searched among verified employers. */
export function DelegationSelect({
  known = [],
  ...props
}: Omit<SelectProps<string[]>, 'options' | 'mode' | 'onSearch'> & { known?: { id: string; name: string }[] }) {
  const { t } = useTranslation(['core', 'events']);
  const [search, setSearch] = useState('');
  const { employers, loading } = useDelegationEmployers(search.trim());
  // Keep the names of already chosen employers even when the current search does not return them.
  const options = useMemo(() => {
    const byId = new Map([...known, ...employers].map((e) => [e.id, e.name]));
    return [...byId].map(([value, label]) => ({ value, label }));
  }, [known, employers]);
  return (
    <Select<string[]>
      {...props}
      mode="multiple"
      loading={loading}
      options={options}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      placeholder={t('events:form.delegationPlaceholder')}
      notFoundContent={loading ? t('common.loading') : t('events:form.noEmployers')}
    />
  );
}
