import {
  CalendarOutlined,
  AuditOutlined,
  CarryOutOutlined,
  CloudServerOutlined,
  DashboardOutlined,
  FieldTimeOutlined,
  HomeOutlined,
  TeamOutlined,
  UserAddOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { AuditLogPage } from '../../modules/audit/components/AuditLogPage.js';
import { HolidayAdminPage } from '../../modules/holidays/components/HolidayAdminPage.js';
import { ComingSoonGrid } from '../../modules/layout/components/ComingSoonGrid.js';
import { NotFoundPage } from '../../modules/layout/components/NotFoundPage.js';
import { RoleShell } from '../../modules/layout/components/RoleShell.js';
import { WelcomeCard } from '../../modules/layout/components/WelcomeCard.js';
import { BackgroundJobsPage } from '../../modules/jobs/components/BackgroundJobsPage.js';
import { ProfilePage } from '../../modules/profile/components/ProfilePage.js';
import { CreateStaffAccountPage } from '../../modules/staff/components/CreateStaffAccountPage.js';
import { calendarRoutes } from '../shared/calendar-routes.js';

function AdminHome() {
  const { t } = useTranslation();
  return (
    <>
      <WelcomeCard portal="admin" />
      <ComingSoonGrid
        items={[
          { key: 'users', icon: <TeamOutlined />, title: t('home.admin.users'), description: t('home.admin.usersDesc') },
          { key: 'quotas', icon: <DashboardOutlined />, title: t('home.admin.quotas'), description: t('home.admin.quotasDesc') },
        ]}
      />
    </>
  );
}

/** 系统管理员: accounts, the holiday calendar, and the same event calendar organizers use. */
export default function AdminPortal() {
  const { t } = useTranslation();
  return (
    <RoleShell
      portal="admin"
      nav={[
        { path: '/admin', label: t('nav.home'), icon: <HomeOutlined /> },
        { path: '/admin/calendar', label: t('nav.calendar'), icon: <CalendarOutlined /> },
        { path: '/admin/holidays', label: t('nav.holidays'), icon: <CarryOutOutlined /> },
        { path: '/admin/peak-seasons', label: t('nav.peakSeasons'), icon: <FieldTimeOutlined /> },
        { path: '/admin/staff', label: t('nav.createStaff'), icon: <UserAddOutlined /> },
        { path: '/admin/audit', label: t('audit.nav'), icon: <AuditOutlined /> },
        { path: '/admin/jobs', label: t('jobs.nav'), icon: <CloudServerOutlined /> },
        { path: '/admin/profile', label: t('nav.profile'), icon: <UserOutlined /> },
      ]}
    >
      <Routes>
        <Route index element={<AdminHome />} />
        {calendarRoutes()}
        <Route path="holidays" element={<HolidayAdminPage />} />
        <Route path="staff" element={<CreateStaffAccountPage />} />
        <Route path="audit" element={<AuditLogPage />} />
        <Route path="jobs" element={<BackgroundJobsPage />} />
        <Route path="profile" element={<ProfilePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </RoleShell>
  );
}
