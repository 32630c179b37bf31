import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../auth/hooks/use-auth.js';
import { regionLabel } from '../../regions/utils/region-label.js';
import { useLanguage } from '../../i18n/hooks/use-language.js';
import type { RolePortalKey } from '../../layout/utils/web-feature.js';

export function WelcomeCard({ portal, children }: { portal: RolePortalKey; children?: ReactNode }) {
  const { t } = useTranslation(['core', 'home']);
  const { language } = useLanguage();
  const user = useCurrentUser();
  const region = regionLabel(user.region, language);
  return (
    <Card className="welcome-card" variant="borderless">
      <Typography.Title level={3} style={{ marginTop: 0, color: 'inherit' }} data-testid="welcome-title">
        {t('home:welcome', { name: user.displayName })}
      </Typography.Title>
      <Typography.Paragraph style={{ color: 'inherit', opacity: 0.9, marginBottom: children ? 16 : 0 }}>
        {t('home:welcomeSubtitle', { portal: t(`portals.${portal}`) })}
        {region ? ` · ${region}` : ''}
      </Typography.Paragraph>
      {children}
    </Card>
  );
}
