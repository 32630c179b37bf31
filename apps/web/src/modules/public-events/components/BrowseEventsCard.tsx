import { CalendarOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { HomeLinkCard } from '../../layout/components/HomeLinkCard.js';

/** The job seeker's way in to the public event list. */
export function BrowseEventsCard() {
  const { t } = useTranslation(['core', 'home', 'publicEvents']);
  return (
    <HomeLinkCard
      icon={<CalendarOutlined />}
      testId="browse-events-card"
      title={t('home:seeker.events')}
      description={t('home:seeker.eventsDesc')}
      to="/events"
      action={t('publicEvents:browse')}
    />
  );
}
