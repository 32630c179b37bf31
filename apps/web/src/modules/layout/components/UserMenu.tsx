import { LockOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, Grid } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth, useCurrentUser } from '../../auth/hooks/use-auth.js';

export function UserMenu({ profilePath }: { profilePath: string }) {
  const { t } = useTranslation(['core', 'auth']);
  const user = useCurrentUser();
  const { logout } = useAuth();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'who', type: 'group', label: `${user.displayName} · ${t(`roles.${user.role}`)}` },
          { type: 'divider' },
          { key: 'profile', icon: <UserOutlined />, label: t('nav.profile') },
          { key: 'password', icon: <LockOutlined />, label: t('auth:changePassword') },
          { key: 'logout', icon: <LogoutOutlined />, label: t('auth:logout'), danger: true },
        ],
        onClick: ({ key }) => {
          if (key === 'profile') navigate(profilePath);
          if (key === 'password') navigate('/account/password');
          if (key === 'logout') void logout().then(() => navigate('/login', { replace: true }));
        },
      }}
    >
      <Button type="text" className="user-menu-trigger" data-testid="user-menu">
        <Avatar size="small" style={{ backgroundColor: 'var(--leye-primary)' }}>
          {user.displayName.slice(0, 1)}
        </Avatar>
        {screens.md && <span className="user-menu-name">{user.displayName}</span>}
      </Button>
    </Dropdown>
  );
}
