import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Grid, Layout, Menu, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { LanguageSwitch } from '../../i18n/components/LanguageSwitch.js';
import { NotificationBell } from '../../notifications/components/NotificationBell.js';
import { NotificationsProvider } from '../../notifications/components/NotificationsProvider.js';
import { useLocalePreferenceSync } from '../../profile/hooks/use-update-profile.js';
import { selectedNavPath, type ShellNavItem } from '../utils/nav.js';
import type { RolePortalKey } from '../utils/web-feature.js';
import { BrandMark } from './BrandMark.js';
import { UserMenu } from './UserMenu.js';

interface RoleShellProps {
  portal: RolePortalKey;
  nav: ShellNavItem[];
  /** Staff workspaces get a side menu; public-facing shells a top bar. */
  navMode?: 'side' | 'top';
  children: ReactNode;
}

/** The frame around every signed-in page: navigation, notification bell, language and user menus. */
export function RoleShell({ portal, nav, navMode = 'side', children }: RoleShellProps) {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const wide = !!screens.lg;
  const [drawerOpen, setDrawerOpen] = useState(false);
  useLocalePreferenceSync();
  const selected = selectedNavPath(nav, location.pathname);
  const home = `/${portal}`;

  const menuItems = nav.map((item) => ({ key: item.path, icon: item.icon, label: item.label }));
  const go = ({ key }: { key: string }) => {
    setDrawerOpen(false);
    navigate(key);
  };

  const brand = (
    <Link to={home} className="shell-brand">
      <BrandMark />
      {wide && <span className="shell-portal-name">{t(`portals.${portal}`)}</span>}
    </Link>
  );

  return (
    <NotificationsProvider>
      <Layout className="shell" data-portal={portal}>
        {navMode === 'side' && wide && (
          <Layout.Sider width={232} theme="light" className="shell-sider">
            <div className="shell-sider-brand">{brand}</div>
            <Menu mode="inline" selectedKeys={selected ? [selected] : []} items={menuItems} onClick={go} />
          </Layout.Sider>
        )}
        <Layout>
          <Layout.Header className="shell-header">
            <Flex align="center" gap={8} style={{ minWidth: 0, flex: 1 }}>
              {!wide && (
                <Button type="text" icon={<MenuOutlined />} aria-label={t('nav.openMenu')} onClick={() => setDrawerOpen(true)} />
              )}
              {(navMode === 'top' || !wide) && brand}
              {navMode === 'top' && wide && (
                <Menu
                  mode="horizontal"
                  selectedKeys={selected ? [selected] : []}
                  items={menuItems}
                  onClick={go}
                  style={{ flex: 1, minWidth: 0, borderBottom: 'none', marginLeft: 24 }}
                />
              )}
            </Flex>
            <Flex align="center" gap={4} className="shell-header-actions">
              <NotificationBell />
              <LanguageSwitch compact={!screens.md} />
              <UserMenu profilePath={`${home}/profile`} />
            </Flex>
          </Layout.Header>
          <Layout.Content className="shell-content">{children}</Layout.Content>
          <Layout.Footer className="shell-footer">
            <Typography.Text type="secondary">
              {t('common.appName')} · {t('common.appTagline')}
            </Typography.Text>
          </Layout.Footer>
        </Layout>
        {!wide && (
          <Drawer
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            placement="left"
            size={264}
            title={t(`portals.${portal}`)}
            styles={{ body: { padding: 0 } }}
          >
            <Menu mode="inline" selectedKeys={selected ? [selected] : []} items={menuItems} onClick={go} />
          </Drawer>
        )}
      </Layout>
    </NotificationsProvider>
  );
}
