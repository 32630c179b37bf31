import { useTranslation } from 'react-i18next';
import { setLanguage } from '../i18n.js';
import { DEFAULT_LANGUAGE, domainMessageKey, toLanguage, type Language } from '../utils/language.js';

/** Current UI language plus the matching key for @leye/domain `{ zh, en }` messages. */
export function useLanguage() {
  const { i18n } = useTranslation();
  const language: Language = toLanguage(i18n.language) ?? DEFAULT_LANGUAGE;
  return { language, domainKey: domainMessageKey(language), setLanguage };
}
