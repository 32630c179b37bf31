/**
 * Namespace files are `src/modules/<feature>/locales/<namespace>.<language>.ts`; this reads the
 * namespace and language from such a path (null for anything else, e.g. a spec file).
 */
export function parseNamespaceFile(path: string): { namespace: string; language: string } | null {
  const match = /(?:^|\/)locales\/([\w-]+)\.(zh-CN|en)\.ts$/.exec(path);
  return match ? { namespace: match[1]!, language: match[2]! } : null;
}

export type NamespaceLoader = () => Promise<{ default: object }>;

/** `language → namespace → loader`, from a path-keyed module map such as Vite's `import.meta.glob`. */
export function namespaceLoaders(modules: Record<string, NamespaceLoader>): Map<string, Map<string, NamespaceLoader>> {
  const out = new Map<string, Map<string, NamespaceLoader>>();
  for (const [path, load] of Object.entries(modules)) {
    const file = parseNamespaceFile(path);
    if (!file) continue;
    const byNamespace = out.get(file.language) ?? new Map<string, NamespaceLoader>();
    if (byNamespace.has(file.namespace)) throw new Error(`Two files declare the i18n namespace ${file.namespace}.${file.language}`);
    byNamespace.set(file.namespace, load);
    out.set(file.language, byNamespace);
  }
  return out;
}
