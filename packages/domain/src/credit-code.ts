/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from a 31-symbol
 * alphabet (no I, O, Z, S, V); the last one is a mod-31 check character over the first 17.
 */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CreditCodeProblem = 'LENGTH' | 'CHARACTER' | 'REGION' | 'CHECKSUM';

export interface CreditCodeCheck {
  valid: boolean;
  /** Upper-cased input without spaces and separators. */
  normalized: string;
  problem?: CreditCodeProblem;
  /** Six-digit administrative division code embedded at positions 3–8. */
  regionCode?: string;
}

export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_ALPHABET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31]!;
}

/**
 * What people paste: "9137 1302 MA3C WK7X 1W", with hyphens, dots or full-width spaces. Separators are removed
 * before any length limit applies, so nothing is cut off.
 */
export function normalizeCreditCode(input: string): string {
  return input.replace(/[\s\u3000\-‐-―_.·・/]/g, '').toUpperCase();
}

export function checkCreditCode(input: string): CreditCodeCheck {
  const normalized = normalizeCreditCode(input);
  if (normalized.length !== 18) return { valid: false, normalized, problem: 'LENGTH' };
  for (const ch of normalized) {
    if (!CREDIT_CODE_ALPHABET.includes(ch)) return { valid: false, normalized, problem: 'CHARACTER' };
  }
  const regionCode = normalized.slice(2, 8);
  if (!/^\d{6}$/.test(regionCode)) return { valid: false, normalized, problem: 'REGION' };
  if (creditCodeCheckCharacter(normalized.slice(0, 17)) !== normalized[17]) {
    return { valid: false, normalized, problem: 'CHECKSUM', regionCode };
  }
  return { valid: true, normalized, regionCode };
}

export const CREDIT_CODE_MESSAGES: Record<CreditCodeProblem, { zh: string; en: string }> = {
  LENGTH: { zh: '统一社会信用代码应为 18 位', en: 'A unified social credit code has 18 characters' },
  CHARACTER: {
    zh: '统一社会信用代码只能包含数字和大写字母（不含 I、O、Z、S、V）',
    en: 'A unified social credit code uses digits and capital letters except I, O, Z, S and V',
  },
  REGION: {
    zh: '统一社会信用代码第 3–8 位应为行政区划代码',
    en: 'Characters 3–8 of a unified social credit code must be a six-digit region code',
  },
  CHECKSUM: {
    zh: '统一社会信用代码校验位不正确，请核对后重新输入',
    en: 'The check character of this unified social credit code is wrong; please re-check it',
  },
};
