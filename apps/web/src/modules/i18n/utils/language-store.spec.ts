import { describe, expect, it } from '@jest/globals';
import { LANGUAGE_STORAGE_KEY, type Language } from './language.js';
import { createLanguageStore } from './language-store.js';

function memoryStorage(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  return { getItem: (k: string) => values.get(k) ?? null, setItem: (k: string, v: string) => void values.set(k, v), values };
}

describe('language store (the one source of truth for the interface language)', () => {
  it('starts from this device\'s stored choice, else Chinese', () => {
    expect(createLanguageStore(memoryStorage({ [LANGUAGE_STORAGE_KEY]: 'en' }), () => undefined).get()).toBe('en');
    expect(createLanguageStore(memoryStorage(), () => undefined).get()).toBe('zh-CN');
    expect(createLanguageStore(null, () => undefined).get()).toBe('zh-CN');
  });

  it('a switch is seen at once by every reader (the profile form included) and stored on the device', () => {
    const storage = memoryStorage();
    const switched: Language[] = [];
    const store = createLanguageStore(storage, (l) => switched.push(l));
    let notified = 0;
    const unsubscribe = store.subscribe(() => notified++);
    expect(store.chosenHere()).toBe(false);

    store.set('en');
    expect(store.get()).toBe('en');
    expect(storage.values.get(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(store.chosenHere()).toBe(true);
    expect(switched).toEqual(['en']);
    expect(notified).toBe(1);

    store.set('en');
    expect(switched).toEqual(['en']);
    unsubscribe();
    store.set('zh-CN');
    expect(notified).toBe(1);
    expect(switched).toEqual(['en', 'zh-CN']);
  });

  it('keeps working when storage throws (private mode)', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    const store = createLanguageStore(broken, () => undefined);
    store.set('en');
    expect(store.get()).toBe('en');
  });
});
