import { AuditOutlined } from '@ant-design/icons';
import { lazyNamed } from '../layout/utils/lazy-named.js';
import type { WebFeature } from '../layout/utils/web-feature.js';

const AuditLogPage = lazyNamed(() => import('./components/AuditLogPage.js'), 'AuditLogPage');

/** 审计日志: who did what to which record, searched by the admin. */
export const auditFeature: WebFeature = {
  id: 'audit',
  namespaces: ['audit'],
  portals: {
    admin: {
      routes: [{ path: 'audit', element: <AuditLogPage /> }],
      nav: [{ path: 'audit', labelKey: 'audit:nav', icon: <AuditOutlined />, order: 84 }],
    },
  },
};
