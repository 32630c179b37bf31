import { RocketOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { HomeLinkCard } from '../../layout/components/HomeLinkCard.js';

/** The mentor's way in to the desk (projects followed, log a session). */
export function MentorHomeCard() {
  const { t } = useTranslation(['core', 'home', 'mentors']);
  return (
    <HomeLinkCard
      testId="mentor-desk-card"
      icon={<RocketOutlined />}
      title={t('mentors:nav.desk')}
      description={t('home:mentor.coachingDesc')}
      to="coaching"
      action={t('home:open')}
    />
  );
}
