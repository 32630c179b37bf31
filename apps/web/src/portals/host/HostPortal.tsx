import { CalendarOutlined, HomeOutlined, UserOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { ComingSoonGrid } from '../../modules/layout/components/ComingSoonGrid.js';
import { NotFoundPage } from '../../modules/layout/components/NotFoundPage.js';
import { RoleShell } from '../../modules/layout/components/RoleShell.js';
import { WelcomeCard } from '../../modules/layout/components/WelcomeCard.js';
import { ProfilePage } from '../../modules/profile/components/ProfilePage.js';

function HostHome() {
  const { t } = useTranslation(['core', 'home']);
  return (
    <>
      <WelcomeCard portal="host" />
      <ComingSoonGrid
        items={[
          { key: 'broadcasts', icon: <VideoCameraOutlined />, title: t('home:host.broadcasts'), description: t('home:host.broadcastsDesc') },
          { key: 'schedule', icon: <CalendarOutlined />, title: t('home:host.schedule'), description: t('home:host.scheduleDesc') },
        ]}
      />
    </>
  );
}

/** 直播带岗主播. */
export default function HostPortal() {
  const { t } = useTranslation(['core', 'home']);
  return (
    <RoleShell
      portal="host"
      navMode="top"
      nav={[
        { path: '/host', label: t('nav.home'), icon: <HomeOutlined /> },
        { path: '/host/profile', label: t('nav.profile'), icon: <UserOutlined /> },
      ]}
    >
      <Routes>
        <Route index element={<HostHome />} />
        <Route path="profile" element={<ProfilePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </RoleShell>
  );
}
