import { CalendarOutlined, LoginOutlined, SolutionOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Flex, Grid, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../auth/hooks/use-auth.js';
import { ROLE_HOME } from '../../auth/utils/role-home.js';
import { LanguageSwitch } from '../../i18n/components/LanguageSwitch.js';
import { BrandMark } from '../../layout/components/BrandMark.js';

/** The frame of pages anyone may open without signing in: brand, events link, language, sign-in. */
export function PublicLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation(['core', 'auth', 'postings', 'publicEvents']);
  const { user } = useAuth();
  const screens = Grid.useBreakpoint();
  return (
    <div className="public-shell">
      <header className="public-header">
        <Flex align="center" gap={8} className="public-header-inner">
          <Link to="/events" className="public-brand">
            <BrandMark />
          </Link>
          {screens.sm && (
            <Link to="/events" className="public-nav-link">
              <CalendarOutlined /> {t('nav.publicEvents')}
            </Link>
          )}
          <Link to="/events/jobs" className="public-nav-link" data-testid="public-jobs-link" aria-label={t('postings:nav.jobs')}>
            <SolutionOutlined /> {t('postings:nav.jobs')}
          </Link>
          <Flex align="center" gap={4} style={{ marginLeft: 'auto' }}>
            <LanguageSwitch compact={!screens.md} />
            {user ? (
              <Link to={ROLE_HOME[user.role]}>
                <Button type="primary" icon={<UserOutlined />} data-testid="public-home-link">
                  {screens.sm ? t('publicEvents:myHome') : null}
                </Button>
              </Link>
            ) : (
              <Link to="/login">
                <Button type="primary" icon={<LoginOutlined />} data-testid="public-login-link">
                  {t('auth:loginSubmit')}
                </Button>
              </Link>
            )}
          </Flex>
        </Flex>
      </header>
      <main className="public-content">{children}</main>
      <footer className="public-footer">
        <Typography.Text type="secondary">
          {t('common.appName')} · {t('common.appTagline')}
        </Typography.Text>
      </footer>
    </div>
  );
}
