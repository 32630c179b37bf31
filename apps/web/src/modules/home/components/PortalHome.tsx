import { Suspense } from 'react';
import { usePortal } from '../../layout/utils/portal-context.js';
import { WelcomeCard } from './WelcomeCard.js';

/** A portal's home: the welcome card, then the cards its features contribute (each leads to real pages). */
export function PortalHome() {
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
    </>
  );
}
