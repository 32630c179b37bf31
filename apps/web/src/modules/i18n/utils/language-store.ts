import { DEFAULT_LANGUAGE, LANGUAGE_STORAGE_KEY, toLanguage, type Language } from './language.js';

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

/**
 * The interface language: the one source of truth for what the user chose. The header switch, the profile
 * page and sign-in all change it here; i18next, dayjs and antd follow it, and while signed in the account's
 * preference follows it too. It changes synchronously (i18next switches once the new language's
 * namespaces are loaded), so nothing reads a stale value in between.
 */
export function createLanguageStore(storage: Storage | null, onChange: (language: Language) => void) {
  const read = () => {
    try {
      return toLanguage(storage?.getItem(LANGUAGE_STORAGE_KEY));
    } catch {
      return null;
    }
  };
  let current: Language = read() ?? DEFAULT_LANGUAGE;
  const listeners = new Set<() => void>();
  return {
    get: (): Language => current,
    /** Whether this device holds an explicit choice (then it wins over the account's stored preference). */
    chosenHere: (): boolean => read() !== null,
    set(language: Language): void {
      try {
        storage?.setItem(LANGUAGE_STORAGE_KEY, language);
      } catch {
        // Private mode without storage: the choice then lasts for this tab only.
      }
      if (language === current) return;
      current = language;
      onChange(language);
      for (const listener of listeners) listener();
    },
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type LanguageStore = ReturnType<typeof createLanguageStore>;
