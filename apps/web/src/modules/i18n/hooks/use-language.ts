import { useSyncExternalStore } from 'react';
import { languageStore, setLanguage } from '../i18n.js';
import { domainMessageKey, type Language } from '../utils/language.js';

/** Current UI language (from the one language store) plus the key for @leye/domain `{ zh, en }` messages. */
export function useLanguage() {
  const language: Language = useSyncExternalStore(languageStore.subscribe, languageStore.get);
  return { language, domainKey: domainMessageKey(language), setLanguage };
}
