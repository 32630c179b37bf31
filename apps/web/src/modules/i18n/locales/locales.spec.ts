import { describe, expect, it } from '@jest/globals';
import { flattenKeys } from '../utils/locale-resource.js';
import en from './en.js';
import zhCN from './zh-CN.js';

describe('locale resources', () => {
  const zh = flattenKeys(zhCN);
  const english = flattenKeys(en);

  it('have exactly the same keys', () => {
    expect([...english.keys()].sort()).toEqual([...zh.keys()].sort());
  });

  it.each([
    ['zh-CN', zh],
    ['en', english],
  ])('%s has no empty or non-string values', (_name, keys) => {
    for (const [key, value] of keys) {
      expect({ key, ok: typeof value === 'string' && value.trim().length > 0 }).toEqual({ key, ok: true });
    }
  });

  it('use the same interpolation variables in both languages', () => {
    const vars = (s: unknown) => [...String(s).matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
    for (const [key, value] of zh) expect({ key, vars: vars(english.get(key)) }).toEqual({ key, vars: vars(value) });
  });
});
