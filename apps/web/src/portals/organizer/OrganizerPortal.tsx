import { AuditOutlined, CalendarOutlined, FieldTimeOutlined, ScheduleOutlined, UserAddOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import { EmployerVerificationQueue } from '../../modules/employers/components/EmployerVerificationQueue.js';
import { NotFoundPage } from '../../modules/layout/components/NotFoundPage.js';
import { RoleShell } from '../../modules/layout/components/RoleShell.js';
import { ProfilePage } from '../../modules/profile/components/ProfilePage.js';
import { CreateStaffAccountPage } from '../../modules/staff/components/CreateStaffAccountPage.js';
import { calendarRoutes } from '../shared/calendar-routes.js';

/** 组织方: the verification queue is home; the event calendar plans the year's programmes. */
export default function OrganizerPortal() {
  const { t } = useTranslation();
  const queue = <EmployerVerificationQueue basePath="/organizer/employers" />;
  return (
    <RoleShell
      portal="organizer"
      nav={[
        { path: '/organizer/employers', label: t('nav.employerQueue'), icon: <AuditOutlined /> },
        { path: '/organizer/calendar', label: t('nav.calendar'), icon: <CalendarOutlined /> },
        { path: '/organizer/series/new', label: t('nav.seriesWizard'), icon: <ScheduleOutlined /> },
        { path: '/organizer/peak-seasons', label: t('nav.peakSeasons'), icon: <FieldTimeOutlined /> },
        { path: '/organizer/staff', label: t('nav.createStaff'), icon: <UserAddOutlined /> },
        { path: '/organizer/profile', label: t('nav.profile'), icon: <UserOutlined /> },
      ]}
    >
      <Routes>
        <Route index element={<Navigate to="employers" replace />} />
        <Route path="employers" element={queue} />
        <Route path="employers/:id" element={queue} />
        {calendarRoutes()}
        <Route path="staff" element={<CreateStaffAccountPage />} />
        <Route path="profile" element={<ProfilePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </RoleShell>
  );
}
