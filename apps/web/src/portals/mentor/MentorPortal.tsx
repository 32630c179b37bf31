import { HomeOutlined, IdcardOutlined, RocketOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { ComingSoonGrid } from '../../modules/layout/components/ComingSoonGrid.js';
import { NotFoundPage } from '../../modules/layout/components/NotFoundPage.js';
import { RoleShell } from '../../modules/layout/components/RoleShell.js';
import { WelcomeCard } from '../../modules/layout/components/WelcomeCard.js';
import { ProfilePage } from '../../modules/profile/components/ProfilePage.js';

function MentorHome() {
  const { t } = useTranslation(['core', 'home']);
  return (
    <>
      <WelcomeCard portal="mentor" />
      <ComingSoonGrid
        items={[
          { key: 'coaching', icon: <RocketOutlined />, title: t('home:mentor.coaching'), description: t('home:mentor.coachingDesc') },
          { key: 'mentor-profile', icon: <IdcardOutlined />, title: t('home:mentor.profile'), description: t('home:mentor.profileDesc') },
        ]}
      />
    </>
  );
}

/** 创业导师. */
export default function MentorPortal() {
  const { t } = useTranslation(['core', 'home']);
  return (
    <RoleShell
      portal="mentor"
      nav={[
        { path: '/mentor', label: t('nav.home'), icon: <HomeOutlined /> },
        { path: '/mentor/profile', label: t('nav.profile'), icon: <UserOutlined /> },
      ]}
    >
      <Routes>
        <Route index element={<MentorHome />} />
        <Route path="profile" element={<ProfilePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </RoleShell>
  );
}
