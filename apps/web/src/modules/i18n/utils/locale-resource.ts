/** Same shape as a zh-CN namespace, with every leaf a string: English must translate every key. */
type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type LocaleResource<T> = Widen<T>;

/** Dotted paths of every leaf, e.g. `status.PENDING`. */
export function flattenKeys(resource: object, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(resource)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') {
      for (const [k, v] of flattenKeys(value as object, path)) out.set(k, v);
    } else {
      out.set(path, value);
    }
  }
  return out;
}
