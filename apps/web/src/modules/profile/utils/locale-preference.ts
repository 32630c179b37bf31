import { toLanguage, type Language } from '../../i18n/utils/language.js';

/**
 * The account's stored preference follows the language on screen (so notifications the API renders arrive
 * in the language the user reads): the language to save, or null when the account already has it.
 */
export function localeToSave(shown: Language, saved: string | null | undefined): Language | null {
  return toLanguage(saved) === shown ? null : shown;
}
