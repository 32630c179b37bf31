import { AimOutlined, ExportOutlined, FormOutlined, SettingOutlined } from '@ant-design/icons';
import { QuotaDefinitionsHomeCard } from './components/QuotaDefinitionsHomeCard.js';
import { lazyNamed } from '../layout/utils/lazy-named.js';
import type { WebFeature } from '../layout/utils/web-feature.js';

const QuotaDashboardPage = lazyNamed(() => import('./components/QuotaDashboardPage.js'), 'QuotaDashboardPage');
const ReportedFiguresPage = lazyNamed(() => import('./components/ReportedFiguresPage.js'), 'ReportedFiguresPage');
const LedgerExportPage = lazyNamed(() => import('./components/LedgerExportPage.js'), 'LedgerExportPage');
const QuotaDefinitionsPage = lazyNamed(() => import('./components/QuotaDefinitionsPage.js'), 'QuotaDefinitionsPage');

/** Quota tracking (docs/quotas.md): the organizer's first page, reported figures, ledgers; admins define the quotas. */
export const quotasFeature: WebFeature = {
  id: 'quotas',
  namespaces: ['quotas'],
  portals: {
    organizer: {
      routes: [
        { path: 'quotas', element: <QuotaDashboardPage /> },
        { path: 'quotas/figures', element: <ReportedFiguresPage /> },
        { path: 'quotas/ledger', element: <LedgerExportPage /> },
      ],
      nav: [
        { path: 'quotas', labelKey: 'quotas:nav.dashboard', icon: <AimOutlined />, order: 5 },
        { path: 'quotas/figures', labelKey: 'quotas:nav.figures', icon: <FormOutlined />, order: 45 },
        { path: 'quotas/ledger', labelKey: 'quotas:nav.ledger', icon: <ExportOutlined />, order: 46 },
      ],
    },
    admin: {
      routes: [
        { path: 'quotas', element: <QuotaDashboardPage /> },
        { path: 'quotas/figures', element: <ReportedFiguresPage /> },
        { path: 'quotas/ledger', element: <LedgerExportPage /> },
        { path: 'quota-definitions', element: <QuotaDefinitionsPage /> },
      ],
      nav: [
        { path: 'quotas', labelKey: 'quotas:nav.dashboard', icon: <AimOutlined />, order: 5 },
        { path: 'quota-definitions', labelKey: 'quotas:nav.definitions', icon: <SettingOutlined />, order: 82 },
      ],
      home: [{ key: 'quota-definitions', order: 20, element: <QuotaDefinitionsHomeCard /> }],
    },
  },
};
