/** Mainland mobile numbers (11 digits starting 1[3-9]) and a pragmatic e-mail shape. */
export const MOBILE_PHONE_PATTERN = /^1[3-9]\d{9}$/;
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normalizeLogin(login: string): string {
  const s = login.trim();
  return s.includes('@') ? s.toLowerCase() : s.replace(/[\s-]/g, '');
}
