/** The two UI languages; zh-CN is the default. Stored under one localStorage key so the choice survives reloads. */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';
export const LANGUAGE_STORAGE_KEY = 'leye.language';

export function toLanguage(value: string | null | undefined): Language | null {
  if (!value) return null;
  const v = value.toLowerCase();
  if (v === 'en' || v.startsWith('en-')) return 'en';
  if (v === 'zh' || v.startsWith('zh')) return 'zh-CN';
  return null;
}

/** Key into the `{ zh, en }` message tables exported by @leye/domain. */
export function domainMessageKey(language: Language): 'zh' | 'en' {
  return language === 'en' ? 'en' : 'zh';
}

/** dayjs locale name for a UI language. */
export function dayjsLocale(language: Language): 'zh-cn' | 'en' {
  return language === 'en' ? 'en' : 'zh-cn';
}
