import { Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePortal } from '../../layout/utils/portal-context.js';
import type { RolePortalKey } from '../../layout/utils/web-feature.js';
import { ComingSoonGrid } from './ComingSoonGrid.js';
import { WelcomeCard } from './WelcomeCard.js';

interface Upcoming {
  key: string;
  icon: ReactNode;
  titleKey: string;
  descriptionKey: string;
}

/** What each portal will offer and does not yet: a capability's feature replaces its tile with real pages. */
const UPCOMING: Partial<Record<RolePortalKey, Upcoming[]>> = {};

/** A portal's home: the welcome card, the cards its features contribute, then what is coming. */
export function PortalHome() {
  const { t } = useTranslation(['core', 'home']);
  const { portal, home } = usePortal();
  return (
    <>
      <WelcomeCard portal={portal} />
      <Suspense fallback={null}>
        {home.map((widget) => (
          <div key={widget.key} style={{ marginTop: 16 }}>
            {widget.element}
          </div>
        ))}
      </Suspense>
      <ComingSoonGrid
        items={(UPCOMING[portal] ?? []).map((u) => ({
          key: u.key,
          icon: u.icon,
          title: t(u.titleKey),
          description: t(u.descriptionKey),
        }))}
      />
    </>
  );
}
