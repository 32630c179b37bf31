import type { TFunction } from 'i18next';

/** Monthly salary range in yuan, as a viewer reads it (¥5,000–8,000 / 月; 面议 without figures). */
export function salaryText(t: TFunction, min: number | null, max: number | null): string {
  const n = (v: number) => v.toLocaleString('zh-CN');
  if (min != null && max != null) return t('livestream:card.salaryRange', { min: n(min), max: n(max) });
  if (min != null) return t('livestream:card.salaryFrom', { min: n(min) });
  if (max != null) return t('livestream:card.salaryUpTo', { max: n(max) });
  return t('livestream:card.salaryNegotiable');
}

/** The short link as a phone should open it: absolute already when the API knows its public URL. */
export function absoluteShortUrl(shortUrl: string): string {
  return /^https?:\/\//.test(shortUrl) ? shortUrl : `${window.location.origin}${shortUrl.startsWith('/') ? '' : '/'}${shortUrl}`;
}
