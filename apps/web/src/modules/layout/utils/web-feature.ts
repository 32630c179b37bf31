import type { ReactNode } from 'react';

/** The signed-in shells, one per role, each under `/<key>`. */
export type RolePortalKey = 'organizer' | 'employer' | 'mentor' | 'host' | 'seeker' | 'admin';
/** `public`: the pages anyone may open without an account, under `/events`. */
export type PortalKey = RolePortalKey | 'public';

export interface FeatureRoute {
  /** Relative to the portal's base (`calendar`, `events/:id`); omit for the index route. */
  path?: string;
  index?: boolean;
  /** Lazily loaded pages (see `lazyNamed`) keep each page out of the portals that don't show it. */
  element: ReactNode;
}

export interface FeatureNavItem {
  /** Relative to the portal's base (`''` is the base itself), or absolute when it starts with `/`. */
  path: string;
  /** An i18n key, e.g. `nav.calendar` (core) or `booths:nav.title`. */
  labelKey: string;
  icon: ReactNode;
  /** Menu position: lower first. Home 0, work queues 10–40, administration 80, profile 90. */
  order: number;
}

/** A card on the portal's home page, below the welcome card. */
export interface HomeWidget {
  key: string;
  order: number;
  element: ReactNode;
}

export interface PortalContribution {
  routes?: FeatureRoute[];
  nav?: FeatureNavItem[];
  home?: HomeWidget[];
}

/**
 * What a feature folder brings to the web app, exported from `modules/<feature>/feature.tsx` and listed once
 * in `portals/features.ts`: its pages and menu entries per portal, and the i18n namespaces its pages use
 * (loaded when a portal that shows the feature opens).
 */
export interface WebFeature {
  id: string;
  namespaces: readonly string[];
  portals: Partial<Record<PortalKey, PortalContribution>>;
}

export interface ComposedNavItem {
  path: string;
  labelKey: string;
  icon: ReactNode;
}

export interface ComposedPortal {
  routes: FeatureRoute[];
  nav: ComposedNavItem[];
  home: HomeWidget[];
  namespaces: string[];
}

/** Everything the features bring to one portal: routes, the menu in order, home widgets and namespaces. */
export function composePortal(features: readonly WebFeature[], portal: PortalKey, base: string): ComposedPortal {
  const parts = features.flatMap((feature) => {
    const part = feature.portals[portal];
    return part ? [{ feature, part }] : [];
  });
  const routes = parts.flatMap(({ part }) => part.routes ?? []);
  const seen = new Map<string, number>();
  for (const route of routes) {
    const id = route.index ? '(index)' : (route.path ?? '');
    seen.set(id, (seen.get(id) ?? 0) + 1);
  }
  const clashes = [...seen].filter(([, n]) => n > 1).map(([id]) => id);
  if (clashes.length > 0) throw new Error(`Portal ${portal}: more than one feature claims ${clashes.join(', ')}`);

  const byOrder = <T extends { order: number }>(items: T[]) =>
    items.map((item, i) => ({ item, i })).sort((a, b) => a.item.order - b.item.order || a.i - b.i).map(({ item }) => item);
  const nav = byOrder(parts.flatMap(({ part }) => part.nav ?? [])).map((item) => ({
    path: item.path.startsWith('/') ? item.path : item.path ? `${base}/${item.path}` : base,
    labelKey: item.labelKey,
    icon: item.icon,
  }));
  return {
    routes,
    nav,
    home: byOrder(parts.flatMap(({ part }) => part.home ?? [])),
    namespaces: [...new Set(parts.flatMap(({ feature }) => feature.namespaces))].sort(),
  };
}
