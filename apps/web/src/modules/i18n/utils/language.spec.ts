import { describe, expect, it } from '@jest/globals';
import { dayjsLocale, domainMessageKey, toLanguage } from './language.js';

describe('toLanguage', () => {
  it.each([
    ['zh-CN', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['zh-Hans', 'zh-CN'],
    ['en', 'en'],
    ['en-US', 'en'],
    ['fr', null],
    ['', null],
    [null, null],
  ])('%s -> %s', (input, expected) => {
    expect(toLanguage(input)).toBe(expected);
  });

  it('maps languages to domain message keys and dayjs locales', () => {
    expect(domainMessageKey('zh-CN')).toBe('zh');
    expect(domainMessageKey('en')).toBe('en');
    expect(dayjsLocale('zh-CN')).toBe('zh-cn');
    expect(dayjsLocale('en')).toBe('en');
  });
});
