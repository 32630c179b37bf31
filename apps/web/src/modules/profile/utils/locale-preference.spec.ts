import { describe, expect, it } from '@jest/globals';
import { localeToSave } from './locale-preference.js';

describe('localeToSave', () => {
  it.each([
    ['en', 'zh-CN', 'en'],
    ['zh-CN', 'en', 'zh-CN'],
    ['en', 'en', null],
    ['zh-CN', 'zh-CN', null],
    ['zh-CN', 'zh', null],
    ['en', null, 'en'],
  ] as const)('shown %s, saved %s -> %s', (shown, saved, expected) => {
    expect(localeToSave(shown, saved)).toBe(expected);
  });
});
