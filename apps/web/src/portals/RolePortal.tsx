import { Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import { NotFoundPage } from '../modules/layout/components/NotFoundPage.js';
import { PageSpin } from '../modules/layout/components/PageSpin.js';
import { RoleShell } from '../modules/layout/components/RoleShell.js';
import { PortalContext } from '../modules/layout/utils/portal-context.js';
import { composePortal, type RolePortalKey } from '../modules/layout/utils/web-feature.js';
import { featureRoutes } from './feature-routes.js';
import { FEATURES } from './features.js';
import { ROLE_PORTALS, SHELL_NAMESPACES } from './portals.js';

/**
 * One signed-in shell, composed from the features that show something in it. It waits (Suspense) until
 * the namespaces of those features are loaded for the current language, so no page shows a raw key.
 */
export default function RolePortal({ portal }: { portal: RolePortalKey }) {
  const definition = ROLE_PORTALS[portal];
  const composed = useMemo(() => composePortal(FEATURES, portal, `/${portal}`), [portal]);
  const { t } = useTranslation(['core', ...SHELL_NAMESPACES, ...composed.namespaces]);
  const nav = composed.nav.map((item) => ({ path: item.path, label: t(item.labelKey), icon: item.icon }));
  const context = useMemo(() => ({ portal, home: composed.home }), [portal, composed]);
  return (
    <PortalContext value={context}>
      <RoleShell portal={portal} navMode={definition.navMode} nav={nav}>
        <Suspense fallback={<PageSpin />}>
          <Routes>
            {definition.landing && <Route index element={<Navigate to={definition.landing} replace />} />}
            {featureRoutes(composed.routes)}
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </Suspense>
      </RoleShell>
    </PortalContext>
  );
}
