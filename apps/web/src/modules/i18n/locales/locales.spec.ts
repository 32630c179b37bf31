import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { flattenKeys } from '../utils/locale-resource.js';
import { parseNamespaceFile } from '../utils/namespace-files.js';

// Finds every namespace file itself, so a feature's new namespace is checked without registering it here.
const SRC = fileURLToPath(new URL('../../..', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'generated' ? [] : files(path);
    return /\.tsx?$/.test(e.name) ? [path] : [];
  });
}

const all = files(SRC);
const namespaceFiles = all.flatMap((path) => {
  const parsed = parseNamespaceFile(relative(SRC, path));
  return parsed ? [{ path, ...parsed }] : [];
});
const namespaces = [...new Set(namespaceFiles.map((f) => f.namespace))].sort();

async function load(namespace: string, language: string): Promise<Map<string, unknown>> {
  const file = namespaceFiles.find((f) => f.namespace === namespace && f.language === language);
  if (!file) throw new Error(`${namespace}.${language}.ts is missing`);
  return flattenKeys(((await import(file.path)) as { default: object }).default);
}

describe('locale namespaces', () => {
  it('are found, one file per namespace and language, with core among them', () => {
    expect(namespaces).toContain('core');
    expect(namespaces.length).toBeGreaterThan(5);
    const ids = namespaceFiles.map((f) => `${f.namespace}.${f.language}`);
    expect(ids.length).toBe(new Set(ids).size);
  });

  describe.each(namespaces)('%s', (namespace) => {
    it('has exactly the same keys in both languages', async () => {
      const [zh, en] = await Promise.all([load(namespace, 'zh-CN'), load(namespace, 'en')]);
      expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
    });

    it.each(['zh-CN', 'en'])('%s has no empty or non-string values', async (language) => {
      for (const [key, value] of await load(namespace, language)) {
        expect({ key, ok: typeof value === 'string' && value.trim().length > 0 }).toEqual({ key, ok: true });
      }
    });

    it('uses the same interpolation variables in both languages', async () => {
      const [zh, en] = await Promise.all([load(namespace, 'zh-CN'), load(namespace, 'en')]);
      const vars = (s: unknown) => [...String(s).matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
      for (const [key, value] of zh) expect({ key, vars: vars(en.get(key)) }).toEqual({ key, vars: vars(value) });
    });
  });
});

describe('translation keys in the source', () => {
  // `t('ns:key')`, `t('key')` (core), and manifest fields such as `labelKey: 'ns:key'`.
  const uses = all
    .filter((path) => !path.includes('/locales/') && !path.endsWith('.spec.ts'))
    .flatMap((path) => {
      const text = readFileSync(path, 'utf8');
      const found = [
        ...text.matchAll(/\bt\(\s*(['`])([^'`]+)\1?/g),
        ...text.matchAll(/\b[a-z]\w*Key:\s*(['`])([^'`]+)\1/g),
      ];
      return found.map((m) => ({ file: relative(SRC, path), key: m[2]! }));
    });

  it('finds the calls it checks', () => {
    expect(uses.length).toBeGreaterThan(300);
  });

  it('name keys that exist (for a template key, its fixed part names an existing group)', async () => {
    const loaded = new Map(await Promise.all(namespaces.map(async (ns) => [ns, await load(ns, 'zh-CN')] as const)));
    const missing = uses.filter(({ key }) => {
      const [namespace, path] = key.includes(':') ? (key.split(':', 2) as [string, string]) : ['core', key];
      const keys = loaded.get(namespace);
      if (!keys) return true;
      const fixed = path.split('${')[0]!;
      if (fixed === path) return !keys.has(path);
      return ![...keys.keys()].some((k) => k.startsWith(fixed));
    });
    expect(missing).toEqual([]);
  });
});
