import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import relativeTime from 'dayjs/plugin/relativeTime';
import i18next, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import coreEn from './locales/core.en.js';
import coreZhCN from './locales/core.zh-CN.js';
import { DEFAULT_LANGUAGE, dayjsLocale, toLanguage, type Language } from './utils/language.js';
import { createLanguageStore } from './utils/language-store.js';
import { namespaceLoaders, type NamespaceLoader } from './utils/namespace-files.js';

/** The shared strings every page needs (common, language, roles, portals, nav, errors): bundled, never fetched. */
export const CORE_NAMESPACE = 'core';

// Every feature namespace is its own small chunk, fetched the first time a page (or its portal) needs it.
const loaders = namespaceLoaders(
  import.meta.glob<{ default: object }>(['../*/locales/*.ts', '!../i18n/**', '!**/*.spec.ts']) as Record<string, NamespaceLoader>,
);

const featureNamespaces: BackendModule = {
  type: 'backend',
  init() {},
  read(language, namespace, callback) {
    const load = loaders.get(language)?.get(namespace);
    if (!load) return callback(new Error(`No i18n namespace "${namespace}" for ${language}`), false);
    load().then(
      (module) => callback(null, module.default as Record<string, unknown>),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** See `createLanguageStore`: i18next follows this store, never the other way round. */
export const languageStore = createLanguageStore(browserStorage(), (language) => void i18next.changeLanguage(language));

dayjs.extend(relativeTime);

const initial = languageStore.get();
dayjs.locale(dayjsLocale(initial));
document.documentElement.lang = initial;

void i18next
  .use(featureNamespaces)
  .use(initReactI18next)
  .init({
    resources: { 'zh-CN': { [CORE_NAMESPACE]: coreZhCN }, en: { [CORE_NAMESPACE]: coreEn } },
    // Core is bundled; every other namespace comes from the backend above.
    partialBundledLanguages: true,
    ns: [CORE_NAMESPACE],
    defaultNS: CORE_NAMESPACE,
    fallbackNS: false,
    lng: initial,
    // Both languages have every key (locales.spec.ts), so English never downloads the Chinese files too.
    fallbackLng: false,
    supportedLngs: ['zh-CN', 'en'],
    load: 'currentOnly',
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  });

i18next.on('languageChanged', (lng) => {
  const language = toLanguage(lng) ?? DEFAULT_LANGUAGE;
  dayjs.locale(dayjsLocale(language));
  document.documentElement.lang = language;
});

/** The one way to change the interface language (header switch, profile page, sign-in). */
export function setLanguage(language: Language): void {
  languageStore.set(language);
}

export default i18next;
