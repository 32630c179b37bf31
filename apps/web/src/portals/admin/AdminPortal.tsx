import { CalendarOutlined, DashboardOutlined, HomeOutlined, TeamOutlined, UserAddOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { ComingSoonGrid } from '../../modules/layout/components/ComingSoonGrid.js';
import { NotFoundPage } from '../../modules/layout/components/NotFoundPage.js';
import { RoleShell } from '../../modules/layout/components/RoleShell.js';
import { WelcomeCard } from '../../modules/layout/components/WelcomeCard.js';
import { ProfilePage } from '../../modules/profile/components/ProfilePage.js';
import { CreateStaffAccountPage } from '../../modules/staff/components/CreateStaffAccountPage.js';

function AdminHome() {
  const { t } = useTranslation();
  return (
    <>
      <WelcomeCard portal="admin" />
      <ComingSoonGrid
        items={[
          { key: 'users', icon: <TeamOutlined />, title: t('home.admin.users'), description: t('home.admin.usersDesc') },
          { key: 'calendar', icon: <CalendarOutlined />, title: t('home.admin.calendar'), description: t('home.admin.calendarDesc') },
          { key: 'quotas', icon: <DashboardOutlined />, title: t('home.admin.quotas'), description: t('home.admin.quotasDesc') },
        ]}
      />
    </>
  );
}

/** 系统管理员. */
export default function AdminPortal() {
  const { t } = useTranslation();
  return (
    <RoleShell
      portal="admin"
      nav={[
        { path: '/admin', label: t('nav.home'), icon: <HomeOutlined /> },
        { path: '/admin/staff', label: t('nav.createStaff'), icon: <UserAddOutlined /> },
        { path: '/admin/profile', label: t('nav.profile'), icon: <UserOutlined /> },
      ]}
    >
      <Routes>
        <Route index element={<AdminHome />} />
        <Route path="staff" element={<CreateStaffAccountPage />} />
        <Route path="profile" element={<ProfilePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </RoleShell>
  );
}
