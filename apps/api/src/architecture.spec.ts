import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Dependency rules of the API (docs/architecture.md): the core (common/, config/, database/ infrastructure) never
 * imports a feature, and feature folders under modules/ never import each other in a circle.
 */
const SRC = resolve(dirname(fileURLToPath(import.meta.url)));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+'(\.{1,2}\/[^']+)'|import\(\s*'(\.{1,2}\/[^']+)'\s*\)/g;

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => resolve(dirname(file), (m[1] ?? m[2])!));
}

const area = (path: string) => relative(SRC, path).split(sep);
const FILES = sourceFiles(SRC).filter((f) => !f.endsWith('.spec.ts'));

describe('API dependency rules', () => {
  it('the core (common/, config/) imports nothing from modules/', () => {
    const offending = FILES.filter((f) => ['common', 'config'].includes(area(f)[0]!)).flatMap((f) =>
      importsOf(f)
        .filter((target) => area(target)[0] === 'modules')
        .map((target) => `${relative(SRC, f)} → ${relative(SRC, target)}`),
    );
    expect(offending).toEqual([]);
  });

  it('no feature module imports another in a circle', () => {
    const graph = new Map<string, Set<string>>();
    for (const f of FILES) {
      const [top, from] = area(f);
      if (top !== 'modules' || !from) continue;
      for (const target of importsOf(f)) {
        const [tTop, to] = area(target);
        if (tTop === 'modules' && to && to !== from) graph.set(from, (graph.get(from) ?? new Set()).add(to));
      }
    }
    const cycles: string[] = [];
    const visit = (node: string, path: string[]) => {
      for (const next of graph.get(node) ?? []) {
        const at = path.indexOf(next);
        if (at >= 0) cycles.push([...path.slice(at), next].join(' → '));
        else visit(next, [...path, next]);
      }
    };
    for (const node of graph.keys()) visit(node, [node]);
    expect([...new Set(cycles)]).toEqual([]);
  });
});
