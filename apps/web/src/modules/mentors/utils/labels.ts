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

/** Downloads an authenticated export (bearer token) as a file. */
export async function downloadFile(path: string, fallbackName: string, token: string | null): Promise<void> {
  const res = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!res.ok) throw new Error(`Download failed with HTTP ${res.status}`);
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
