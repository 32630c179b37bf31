import { CalendarOutlined, CheckCircleFilled } from '@ant-design/icons';
import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitch } from '../../i18n/components/LanguageSwitch.js';
import { BrandMark } from '../../layout/components/BrandMark.js';

/** Public pages: a brand panel beside the form on wide screens, a compact header above it on phones. */
export function AuthLayout({
  title,
  subtitle,
  children,
  wide = false,
}: {
  title: string;
  subtitle?: string;
  children: ReactNode;
  wide?: boolean;
}) {
  const { t } = useTranslation(['core', 'auth']);
  return (
    <div className="auth-layout">
      <aside className="auth-hero">
        <Link to="/" className="auth-hero-brand">
          <BrandMark inverted />
        </Link>
        <div className="auth-hero-body">
          <h1>{t('auth:heroTitle')}</h1>
          <p>{t('auth:heroSubtitle')}</p>
          <ul>
            {(['heroPoint1', 'heroPoint2', 'heroPoint3', 'heroPoint4'] as const).map((key) => (
              <li key={key}>
                <CheckCircleFilled /> {t(`auth:${key}`)}
              </li>
            ))}
          </ul>
        </div>
        <small>{t('common.appTagline')}</small>
      </aside>
      <main className="auth-main">
        <Flex justify="space-between" align="center" className="auth-main-top">
          <Link to="/" className="auth-main-brand">
            <BrandMark />
          </Link>
          <Flex align="center" gap={4}>
            <Link to="/events" className="auth-events-link" data-testid="auth-events-link">
              <CalendarOutlined /> {t('nav.publicEvents')}
            </Link>
            <LanguageSwitch />
          </Flex>
        </Flex>
        <div className={wide ? 'auth-form auth-form-wide' : 'auth-form'}>
          <Card variant="borderless" className="auth-card">
            <Typography.Title level={2} style={{ marginTop: 0, marginBottom: 4 }}>
              {title}
            </Typography.Title>
            {subtitle && (
              <Typography.Paragraph type="secondary" style={{ marginBottom: 24 }}>
                {subtitle}
              </Typography.Paragraph>
            )}
            {children}
          </Card>
        </div>
      </main>
    </div>
  );
}
