#!/usr/bin/env node
// Moves translations from the old one-file-per-language resources (src/modules/i18n/locales/{zh-CN,en}.ts)
// into i18next namespaces that live with their feature, and rewrites `t('section.key')` calls to
// `t('namespace:key')`. Re-runnable: run it after merging a branch that still appends to the old files.
//
//   node apps/web/scripts/split-locales.mjs            # split (if the old files exist) + rewrite calls
//   node apps/web/scripts/split-locales.mjs --check    # exit 1 if anything would change (nothing written)
//   node apps/web/scripts/split-locales.mjs --keep     # split but keep the old files
//   --src <dir>                                        # another source tree (the script's own test uses one)
//
// Merging keys into namespace files that already exist: keys are added; a key present in both with a
// different text takes the old file's text (the branch being merged is the newer edit) and is listed.
import { existsSync, readdirSync, readFileSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/**
 * Old top-level section → [namespace, feature folder under src/modules/]. The namespace file is
 * src/modules/<folder>/locales/<namespace>.<language>.ts. Sections mapped to `core` keep their section as the
 * first key (`core:common.save`, written `t('common.save')` since core is the default namespace); any other
 * namespace holds the section's content directly (`events.calendar.title` → `events:calendar.title`).
 * A section missing here stops the script: add a row.
 */
const MAPPING = {
  common: ['core', 'i18n'],
  language: ['core', 'i18n'],
  roles: ['core', 'i18n'],
  portals: ['core', 'i18n'],
  nav: ['core', 'i18n'],
  errors: ['core', 'i18n'],
  auth: ['auth', 'auth'],
  register: ['register', 'auth'],
  employers: ['employers', 'employers'],
  notifications: ['notifications', 'notifications'],
  profile: ['profile', 'profile'],
  staff: ['staff', 'staff'],
  home: ['home', 'home'],
  events: ['events', 'events'],
  series: ['series', 'event-series'],
  holidays: ['holidays', 'holidays'],
  publicEvents: ['publicEvents', 'public-events'],
  calendarFeed: ['calendarFeed', 'calendar-feeds'],
  // Sections other branches are adding for the admin pages; check the folder when merging them.
  audit: ['audit', 'audit'],
  jobs: ['jobs', 'jobs'],
};

const CORE = 'core';
const LANGUAGES = ['zh-CN', 'en'];
const argv = process.argv.slice(2);
const srcAt = argv.indexOf('--src');
const SRC = srcAt >= 0 ? argv[srcAt + 1] : fileURLToPath(new URL('../src', import.meta.url));
const WEB = dirname(SRC);
const MODULES = join(SRC, 'modules');
const OLD_FILE = (lng) => join(MODULES, 'i18n', 'locales', `${lng}.ts`);
const NS_FILE = (folder, ns, lng) => join(MODULES, folder, 'locales', `${ns}.${lng}.ts`);

const args = new Set(argv);
const check = args.has('--check');
const keep = args.has('--keep');
const changes = [];

function write(file, text) {
  if (existsSync(file) && readFileSync(file, 'utf8') === text) return;
  changes.push(relative(WEB, file));
  if (check) return;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** Evaluates a resource module (a default-exported object literal) after stripping its types. */
async function loadResource(file) {
  const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  const js = outputText.replace(/^\s*import\s[^;]*;\s*$/gm, '');
  const mod = await import(`data:text/javascript;base64,${Buffer.from(js).toString('base64')}`);
  return mod.default;
}

const isObject = (v) => v !== null && typeof v === 'object';

/** Deep merge: keys of `incoming` are added or overwrite (listed in `overwritten`); order: existing first. */
function merge(existing, incoming, path, overwritten) {
  const out = { ...existing };
  for (const [key, value] of Object.entries(incoming)) {
    const at = path ? `${path}.${key}` : key;
    if (isObject(value) && isObject(out[key])) out[key] = merge(out[key], value, at, overwritten);
    else {
      if (key in out && JSON.stringify(out[key]) !== JSON.stringify(value)) overwritten.push(at);
      out[key] = value;
    }
  }
  return out;
}

const IDENT = /^[A-Za-z_$][\w$]*$/;
const quote = (s) => `'${String(s).replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;

function literal(value, indent) {
  const pad = '  '.repeat(indent + 1);
  const lines = Object.entries(value).map(([key, v]) => {
    const k = IDENT.test(key) ? key : quote(key);
    return `${pad}${k}: ${isObject(v) ? literal(v, indent + 1) : quote(v)},`;
  });
  return `{\n${lines.join('\n')}\n${'  '.repeat(indent)}}`;
}

function render(folder, ns, lng, value) {
  const name = `${ns.replace(/[^\w]/g, '_')}${lng === 'en' ? 'En' : 'ZhCN'}`;
  if (lng === 'zh-CN') {
    return [
      `/** i18next namespace \`${ns}\`, Simplified Chinese (the default). Every key must also exist in ${ns}.en.ts (locales.spec.ts checks). */`,
      `const ${name} = ${literal(value, 0)};`,
      '',
      `export default ${name};`,
      '',
    ].join('\n');
  }
  const toI18n = relative(join(MODULES, folder, 'locales'), join(MODULES, 'i18n', 'utils', 'locale-resource.js'));
  return [
    `import type { LocaleResource } from '${toI18n.startsWith('.') ? toI18n : `./${toI18n}`}';`,
    `import type zhCN from './${ns}.zh-CN.js';`,
    '',
    `/** i18next namespace \`${ns}\`, English. Keys mirror ${ns}.zh-CN.ts exactly (the type and locales.spec.ts check). */`,
    `const ${name}: LocaleResource<typeof zhCN> = ${literal(value, 0)};`,
    '',
    `export default ${name};`,
    '',
  ].join('\n');
}

async function splitResources() {
  const present = LANGUAGES.filter((lng) => existsSync(OLD_FILE(lng)));
  if (present.length === 0) return console.log('split: no old resource files, nothing to move');
  if (present.length !== LANGUAGES.length) throw new Error(`split: found only ${present.join(', ')}; both languages are needed`);

  for (const lng of LANGUAGES) {
    const old = await loadResource(OLD_FILE(lng));
    const unknown = Object.keys(old).filter((s) => !MAPPING[s]);
    if (unknown.length) throw new Error(`split: no namespace for section(s) ${unknown.join(', ')}: add a row to MAPPING in ${relative(WEB, fileURLToPath(import.meta.url))}`);

    // Group the old sections by target namespace file.
    const targets = new Map();
    for (const [section, content] of Object.entries(old)) {
      const [ns, folder] = MAPPING[section];
      const file = NS_FILE(folder, ns, lng);
      const target = targets.get(file) ?? { folder, ns, value: {} };
      target.value = ns === CORE ? { ...target.value, [section]: content } : merge(target.value, content, '', []);
      targets.set(file, target);
    }
    for (const [file, { folder, ns, value }] of targets) {
      const existing = existsSync(file) ? await loadResource(file) : {};
      const overwritten = [];
      const merged = merge(existing, value, '', overwritten);
      for (const key of overwritten) console.log(`split: ${ns}:${key} (${lng}) takes the text from the old file`);
      write(file, render(folder, ns, lng, merged));
    }
  }
  if (!keep && !check) for (const lng of LANGUAGES) rmSync(OLD_FILE(lng));
  if (!keep) changes.push(...LANGUAGES.map((lng) => `${relative(WEB, OLD_FILE(lng))} (removed)`));
}

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'generated' || e.name === 'locales' ? [] : sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !/\.spec\.tsx?$/.test(e.name) ? [p] : []; // specs hold fixtures in the old form
  });
}

/**
 * `t('events.x')` → `t('events:x')` for every non-core section; then each `useTranslation(…)` in the file
 * names core first (the default for unprefixed keys) and every namespace the file uses, so the component
 * suspends until they are loaded.
 */
function rewriteCalls() {
  const feature = Object.entries(MAPPING).filter(([, [ns]]) => ns !== CORE);
  const sections = feature.map(([s]) => s).join('|');
  const oldKey = new RegExp(`\\bt\\((\\s*)(['\`])(${sections})\\.`, 'g');
  const nsOf = Object.fromEntries(feature.map(([s, [ns]]) => [s, ns]));
  for (const file of sourceFiles(SRC)) {
    const before = readFileSync(file, 'utf8');
    let text = before.replace(oldKey, (_m, space, q, section) => `t(${space}${q}${nsOf[section]}:`);
    const used = [...new Set([...text.matchAll(/\bt\(\s*['`]([\w-]+):/g)].map((m) => m[1]))].filter((ns) => ns !== CORE).sort();
    if (used.length > 0) {
      const list = `[${[CORE, ...used].map((ns) => `'${ns}'`).join(', ')}]`;
      // Only the first argument (nothing, a string or an array) is replaced; options after it are kept.
      text = text.replace(/\buseTranslation\((\[[^\]]*\]|'[^']*'|)(?=[,)])/g, `useTranslation(${list}`);
    }
    if (text !== before) write(file, text);
  }
}

await splitResources();
rewriteCalls();
if (changes.length === 0) console.log('split-locales: nothing to change');
else console.log(`split-locales: ${check ? 'would change' : 'changed'}:\n  ${changes.join('\n  ')}`);
if (check && changes.length > 0) process.exit(1);
