import { createContext, useContext } from 'react';
import type { HomeWidget, RolePortalKey } from './web-feature.js';

export interface PortalContextValue {
  portal: RolePortalKey;
  /** Cards the portal's features put on its home page, in order. */
  home: HomeWidget[];
}

export const PortalContext = createContext<PortalContextValue | null>(null);

/** The portal a page is shown in; only for pages rendered by a role portal. */
export function usePortal(): PortalContextValue {
  const value = useContext(PortalContext);
  if (!value) throw new Error('usePortal must be used inside a role portal');
  return value;
}
