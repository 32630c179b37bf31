import type { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor.js';

/**
 * Per-request DataLoaders, contributed by the features: each declares its loaders by merging into this interface
 * (`declare module '…/common/graphql/loaders.js' { interface Loaders { venue: DataLoader<…> } }`) and registers
 * a factory with `registerLoader` in its `<feature>.loaders.ts`. The core knows no feature.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the features through declaration merging
export interface Loaders {}

type LoaderFactory<K extends keyof Loaders> = (ds: DataSource) => Loaders[K];

const factories = new Map<keyof Loaders, LoaderFactory<keyof Loaders>>();

/** Registers the factory of one per-request loader (called once per feature at import time). */
export function registerLoader<K extends keyof Loaders>(name: K, factory: LoaderFactory<K>): void {
  factories.set(name, factory as LoaderFactory<keyof Loaders>);
}

/** A request's loaders, each created on first use so a request pays only for the loaders it touches. */
export function createLoaders(ds: DataSource): Loaders {
  const loaders = {} as Loaders;
  for (const [name, factory] of factories) {
    let loader: unknown;
    Object.defineProperty(loaders, name, { enumerable: true, get: () => (loader ??= factory(ds)) });
  }
  return loaders;
}

/** Orders rows as the keys asked for them (DataLoader's contract), null where a key has no row. */
export function byKey<K, V>(keys: readonly K[], rows: V[], keyOf: (v: V) => K): Array<V | null> {
  const map = new Map(rows.map((r) => [keyOf(r), r]));
  return keys.map((k) => map.get(k) ?? null);
}

/** Groups rows by a key, in the order of the keys asked for (a key without rows gets []). */
export function groupByKey<K, V, R = V>(keys: readonly K[], rows: V[], keyOf: (v: V) => K, map: (v: V) => R = (v) => v as unknown as R): R[][] {
  const groups = new Map<K, R[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(map(row));
    else groups.set(key, [map(row)]);
  }
  return keys.map((k) => groups.get(k) ?? []);
}

export interface GraphQLContext {
  req: { headers: Record<string, string | undefined>; actor?: Actor; ip?: string };
  loaders: Loaders;
}
