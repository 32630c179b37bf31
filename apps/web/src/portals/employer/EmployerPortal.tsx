import { AppstoreOutlined, ShopOutlined, SolutionOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { MyOrganisationCard } from '../../modules/employers/components/MyOrganisationCard.js';
import { ComingSoonGrid } from '../../modules/layout/components/ComingSoonGrid.js';
import { NotFoundPage } from '../../modules/layout/components/NotFoundPage.js';
import { RoleShell } from '../../modules/layout/components/RoleShell.js';
import { WelcomeCard } from '../../modules/layout/components/WelcomeCard.js';
import { ProfilePage } from '../../modules/profile/components/ProfilePage.js';

function EmployerHome() {
  const { t } = useTranslation(['core', 'home']);
  return (
    <>
      <WelcomeCard portal="employer" />
      <div style={{ marginTop: 16 }}>
        <MyOrganisationCard />
      </div>
      <ComingSoonGrid
        items={[
          { key: 'booths', icon: <ShopOutlined />, title: t('home:employer.booths'), description: t('home:employer.boothsDesc') },
          { key: 'jobs', icon: <SolutionOutlined />, title: t('home:employer.jobs'), description: t('home:employer.jobsDesc') },
        ]}
      />
    </>
  );
}

/** 用人单位: the organisation card with its verification status is home. */
export default function EmployerPortal() {
  const { t } = useTranslation(['core', 'home']);
  return (
    <RoleShell
      portal="employer"
      nav={[
        { path: '/employer', label: t('nav.organisation'), icon: <AppstoreOutlined /> },
        { path: '/employer/profile', label: t('nav.profile'), icon: <UserOutlined /> },
      ]}
    >
      <Routes>
        <Route index element={<EmployerHome />} />
        <Route path="profile" element={<ProfilePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </RoleShell>
  );
}
