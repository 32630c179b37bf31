import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import relativeTime from 'dayjs/plugin/relativeTime';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.js';
import zhCN from './locales/zh-CN.js';
import { DEFAULT_LANGUAGE, LANGUAGE_STORAGE_KEY, dayjsLocale, toLanguage, type Language } from './utils/language.js';

function storedLanguage(): Language {
  try {
    return toLanguage(localStorage.getItem(LANGUAGE_STORAGE_KEY)) ?? DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

dayjs.extend(relativeTime);

const initial = storedLanguage();
dayjs.locale(dayjsLocale(initial));
document.documentElement.lang = initial;

void i18next.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: initial,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: ['zh-CN', 'en'],
  interpolation: { escapeValue: false },
  returnNull: false,
  showSupportNotice: false,
});

i18next.on('languageChanged', (lng) => {
  const language = toLanguage(lng) ?? DEFAULT_LANGUAGE;
  dayjs.locale(dayjsLocale(language));
  document.documentElement.lang = language;
});

export function setLanguage(language: Language): void {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Private mode without storage: the choice then lasts for this tab only.
  }
  void i18next.changeLanguage(language);
}

export default i18next;
