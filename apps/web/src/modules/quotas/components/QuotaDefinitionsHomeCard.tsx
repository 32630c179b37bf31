import { SettingOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { HomeLinkCard } from '../../layout/components/HomeLinkCard.js';

/** The admin's way in to the quota definitions (the dashboard is in the menu). */
export function QuotaDefinitionsHomeCard() {
  const { t } = useTranslation(['core', 'home']);
  return (
    <HomeLinkCard
      testId="quota-definitions-card"
      icon={<SettingOutlined />}
      title={t('home:admin.quotas')}
      description={t('home:admin.quotasDesc')}
      to="quota-definitions"
      action={t('home:open')}
    />
  );
}
