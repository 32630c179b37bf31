import { MENTOR_INDUSTRY_LABELS, type MentorIndustry } from '@leye/domain';
import type { Language } from '../../i18n/utils/language.js';

export const industryLabel = (code: string, language: Language) => MENTOR_INDUSTRY_LABELS[code as MentorIndustry]?.[language === 'en' ? 'en' : 'zh'] ?? code;

/** Reads a picked file as base64 (without the data: prefix). */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}
