import { CalendarOutlined, FileDoneOutlined, HomeOutlined, UserOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { ComingSoonGrid } from '../../modules/layout/components/ComingSoonGrid.js';
import { NotFoundPage } from '../../modules/layout/components/NotFoundPage.js';
import { RoleShell } from '../../modules/layout/components/RoleShell.js';
import { WelcomeCard } from '../../modules/layout/components/WelcomeCard.js';
import { ProfilePage } from '../../modules/profile/components/ProfilePage.js';
import { BrowseEventsCard } from '../../modules/public-events/components/BrowseEventsCard.js';

function SeekerHome() {
  const { t } = useTranslation(['core', 'home']);
  return (
    <>
      <WelcomeCard portal="seeker" />
      <BrowseEventsCard />
      <ComingSoonGrid
        items={[
          { key: 'broadcasts', icon: <VideoCameraOutlined />, title: t('home:seeker.broadcasts'), description: t('home:seeker.broadcastsDesc') },
          { key: 'applications', icon: <FileDoneOutlined />, title: t('home:seeker.applications'), description: t('home:seeker.applicationsDesc') },
        ]}
      />
    </>
  );
}

/** 求职者 (the public): a top bar, as on a consumer site. */
export default function SeekerPortal() {
  const { t } = useTranslation(['core', 'home']);
  return (
    <RoleShell
      portal="seeker"
      navMode="top"
      nav={[
        { path: '/seeker', label: t('nav.home'), icon: <HomeOutlined /> },
        { path: '/events', label: t('nav.publicEvents'), icon: <CalendarOutlined /> },
        { path: '/seeker/profile', label: t('nav.profile'), icon: <UserOutlined /> },
      ]}
    >
      <Routes>
        <Route index element={<SeekerHome />} />
        <Route path="profile" element={<ProfilePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </RoleShell>
  );
}
