import { Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePortal } from '../../layout/utils/portal-context.js';
import type { RolePortalKey } from '../../layout/utils/web-feature.js';
import { ComingSoonGrid } from './ComingSoonGrid.js';
import { WelcomeCard } from './WelcomeCard.js';

interface Upcoming {
  key: string;
  icon: ReactNode;
  titleKey: string;
  descriptionKey: string;
}

/** What each portal will offer and does not yet: a capability's feature replaces its tile with real pages. */
const UPCOMING: Partial<Record<RolePortalKey, Upcoming[]>> = {
<<<<<<< HEAD
  host: [
    { key: 'broadcasts', icon: <VideoCameraOutlined />, titleKey: 'home:host.broadcasts', descriptionKey: 'home:host.broadcastsDesc' },
    { key: 'schedule', icon: <CalendarOutlined />, titleKey: 'home:host.schedule', descriptionKey: 'home:host.scheduleDesc' },
  ],
  seeker: [
    { key: 'broadcasts', icon: <VideoCameraOutlined />, titleKey: 'home:seeker.broadcasts', descriptionKey: 'home:seeker.broadcastsDesc' },
=======
  admin: [
    { key: 'users', icon: <TeamOutlined />, titleKey: 'home:admin.users', descriptionKey: 'home:admin.usersDesc' },
    { key: 'quotas', icon: <DashboardOutlined />, titleKey: 'home:admin.quotas', descriptionKey: 'home:admin.quotasDesc' },
  ],
  mentor: [
    { key: 'coaching', icon: <RocketOutlined />, titleKey: 'home:mentor.coaching', descriptionKey: 'home:mentor.coachingDesc' },
    { key: 'mentor-profile', icon: <IdcardOutlined />, titleKey: 'home:mentor.profile', descriptionKey: 'home:mentor.profileDesc' },
>>>>>>> liveweb
  ],
};

/** A portal's home: the welcome card, the cards its features contribute, then what is coming. */
export function PortalHome() {
  const { t } = useTranslation(['core', 'home']);
  const { portal, home } = usePortal();
  return (
    <>
      <WelcomeCard portal={portal} />
      <Suspense fallback={null}>
        {home.map((widget) => (
          <div key={widget.key} style={{ marginTop: 16 }}>
            {widget.element}
          </div>
        ))}
      </Suspense>
      <ComingSoonGrid
        items={(UPCOMING[portal] ?? []).map((u) => ({
          key: u.key,
          icon: u.icon,
          title: t(u.titleKey),
          description: t(u.descriptionKey),
        }))}
      />
    </>
  );
}
