import { TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { HomeLinkCard } from '../../layout/components/HomeLinkCard.js';

/** The admin's way in to user management. */
export function UsersHomeCard() {
  const { t } = useTranslation(['core', 'home']);
  return (
    <HomeLinkCard
      testId="users-admin-card"
      icon={<TeamOutlined />}
      title={t('home:admin.users')}
      description={t('home:admin.usersDesc')}
      to="users"
      action={t('home:open')}
    />
  );
}
