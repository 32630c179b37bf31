import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

// `any` props: the constraint must accept every component; the returned type keeps the real props.
type AnyComponent = ComponentType<any>;

/** `React.lazy` for a named export: the page's module becomes its own chunk, fetched on first render. */
export function lazyNamed<K extends string, M extends Record<K, AnyComponent>>(
  load: () => Promise<M>,
  name: K,
): LazyExoticComponent<M[K]> {
  return lazy(async () => ({ default: (await load())[name] }));
}
