import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/hooks/use-language.js';
import { useCoHostBodies } from '../hooks/use-events.js';

/** 协办主体: the co-hosting bodies of an event, from the maintained list. */
export function CoHostSelect(props: Omit<SelectProps<string[]>, 'options' | 'mode'>) {
  const { t } = useTranslation(['core', 'events']);
  const { language } = useLanguage();
  const { coHosts, loading } = useCoHostBodies();
  return (
    <Select<string[]>
      {...props}
      mode="multiple"
      loading={loading}
      placeholder={t('events:form.coHostsPlaceholder')}
      options={coHosts.map((c) => ({ value: c.id, label: language === 'en' && c.nameEn ? c.nameEn : c.name }))}
      showSearch={{ optionFilterProp: 'label' }}
    />
  );
}
