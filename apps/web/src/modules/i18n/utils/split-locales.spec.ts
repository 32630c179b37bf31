import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The coordinator reruns scripts/split-locales.mjs after merging branches that still add to the old files.
// Each run starts node and loads the TypeScript compiler: seconds on a busy machine.
const SLOW = 60_000;
const SCRIPT = fileURLToPath(new URL('../../../../scripts/split-locales.mjs', import.meta.url));

function put(root: string, path: string, text: string) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

const legacy = (lng: string, v: (zh: string, en: string) => string) => `${lng === 'en' ? "import type { LocaleResource } from '../utils/locale-resource.js';\n" : ''}
const resource${lng === 'en' ? ': LocaleResource' : ''} = {
  common: { save: '${v('保存', 'Save')}' },
  errors: { generic: '${v('失败', 'Failed')}', VENUE_CLASH: '${v('场馆冲突', 'Venue clash')}' },
  events: { detail: { edit: '${v('编辑', 'Edit')}', viewerCannot: '${v('无权', 'Not allowed')}' } },
  audit: { title: '${v('审计日志', 'Audit log')}' },
};
export default resource;
`;

describe('split-locales.mjs', () => {
  let src: string;
  const run = (...args: string[]) => spawnSync(process.execPath, [SCRIPT, '--src', src, ...args], { encoding: 'utf8' });

  beforeAll(() => {
    src = join(mkdtempSync(join(tmpdir(), 'split-locales-')), 'src');
    put(src, 'modules/i18n/locales/zh-CN.ts', legacy('zh-CN', (zh) => zh));
    put(src, 'modules/i18n/locales/en.ts', legacy('en', (_zh, en) => en));
    // Already split earlier, with a key added since on the new layout and one text the merged branch changed.
    put(src, 'modules/events/locales/events.zh-CN.ts', "export default { detail: { edit: '修改', staff: '工作人员' } };\n");
    put(src, 'modules/events/locales/events.en.ts', "export default { detail: { edit: 'Edit', staff: 'Staff' } };\n");
    put(src, 'modules/events/components/Page.tsx', [
      "const { t } = useTranslation();",
      "t('events.detail.viewerCannot'); t(`events.status.${s}`); t('common.save'); t('events:detail.staff'); t('audit.title');",
      '',
    ].join('\n'));
  }, SLOW);
  afterAll(() => rmSync(dirname(src), { recursive: true, force: true }));

  it('moves every section into its namespace file, keeps newer keys, and rewrites the calls', async () => {
    const out = execFileSync(process.execPath, [SCRIPT, '--src', src], { encoding: 'utf8' });
    expect(out).toContain('events:detail.edit (zh-CN) takes the text from the old file');
    expect(existsSync(join(src, 'modules/i18n/locales/zh-CN.ts'))).toBe(false);

    const load = async (path: string) => ((await import(join(src, path))) as { default: object }).default;
    expect(await load('modules/events/locales/events.zh-CN.ts')).toEqual({ detail: { edit: '编辑', staff: '工作人员', viewerCannot: '无权' } });
    expect(await load('modules/i18n/locales/core.en.ts')).toEqual({
      common: { save: 'Save' },
      errors: { generic: 'Failed', VENUE_CLASH: 'Venue clash' },
    });
    expect(await load('modules/audit/locales/audit.zh-CN.ts')).toEqual({ title: '审计日志' });
    expect(readFileSync(join(src, 'modules/audit/locales/audit.en.ts'), 'utf8')).toContain('LocaleResource<typeof zhCN>');

    expect(readFileSync(join(src, 'modules/events/components/Page.tsx'), 'utf8')).toBe([
      "const { t } = useTranslation(['core', 'audit', 'events']);",
      "t('events:detail.viewerCannot'); t(`events:status.${s}`); t('common.save'); t('events:detail.staff'); t('audit:title');",
      '',
    ].join('\n'));
  }, SLOW);

  it('is idempotent: a second run changes nothing and --check passes', () => {
    expect(run().stdout).toContain('nothing to change');
    expect(run('--check').status).toBe(0);
  }, SLOW);

  it('--check fails on a call still in the old form', () => {
    put(src, 'modules/events/components/Late.tsx', "const { t } = useTranslation(['core', 'events']);\nt('events.detail.edit');\n");
    const result = run('--check');
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('Late.tsx');
  }, SLOW);

  it('stops on a section without a row in the mapping', () => {
    put(src, 'modules/i18n/locales/zh-CN.ts', "export default { bounties: { title: '悬赏' } };\n");
    put(src, 'modules/i18n/locales/en.ts', "export default { bounties: { title: 'Bounties' } };\n");
    const result = run();
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('no namespace for section(s) bounties');
  }, SLOW);
});
