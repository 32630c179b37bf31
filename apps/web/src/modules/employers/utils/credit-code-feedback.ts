import { checkCreditCode, creditCodeRegionMismatch, LINYI_REGIONS, normalizeCreditCode, type CreditCodeProblem, type CreditCodeRegionMismatch } from '@leye/domain';

/**
 * Upper-case and drop the spaces and separators people paste from licences ("9137 1302 MA3C WK7X 1W"), with the
 * API's own rule, so the field shows what the API will see. The input has no 18-character limit of its own: a
 * limit applied before the separators go would cut the last characters off.
 */
export function normalizeCreditCodeInput(value: string | undefined): string {
  return normalizeCreditCode(value ?? '');
}

/** A hint (never a refusal) when a complete, valid code's division digits do not fit the chosen region. */
export function creditCodeRegionHint(code: string | undefined, regionCode: string | undefined): CreditCodeRegionMismatch | null {
  if (!code || !checkCreditCode(code).valid) return null;
  return creditCodeRegionMismatch(code, regionCode ?? null);
}

/**
 * The shared rule's verdict, softened while typing: an unfinished code is not yet "too short",
 * but a wrong character or a wrong check character is reported at once.
 */
export function creditCodeProblem(value: string, { typing }: { typing: boolean }): CreditCodeProblem | null {
  const result = checkCreditCode(value);
  if (result.valid) return null;
  if (typing && result.problem === 'LENGTH' && result.normalized.length < 18) {
    const partial = checkCreditCode(result.normalized.padEnd(18, '0'));
    return partial.problem === 'CHARACTER' ? 'CHARACTER' : null;
  }
  return result.problem ?? 'LENGTH';
}

/** The Linyi region a valid code was registered in, if it is one of ours. */
export function creditCodeLinyiRegion(value: string): string | null {
  const result = checkCreditCode(value);
  if (!result.valid || !result.regionCode) return null;
  return LINYI_REGIONS.some((r) => r.code === result.regionCode) ? result.regionCode : null;
}
