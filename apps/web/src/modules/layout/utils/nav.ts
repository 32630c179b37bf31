import type { ReactNode } from 'react';

export interface ShellNavItem {
  /** Absolute path, also the menu key. */
  path: string;
  label: string;
  icon?: ReactNode;
}

/** The nav entry for the current page: the longest path that prefixes it. */
export function selectedNavPath(items: readonly Pick<ShellNavItem, 'path'>[], pathname: string): string | undefined {
  return items
    .filter((i) => pathname === i.path || pathname.startsWith(`${i.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0]?.path;
}
