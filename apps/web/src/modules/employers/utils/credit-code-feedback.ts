import { checkCreditCode, LINYI_REGIONS, type CreditCodeProblem } from '@leye/domain';

/** Upper-case and drop the spaces people paste from licences, so the field shows what the API will see. */
export function normalizeCreditCodeInput(value: string | undefined): string {
  return (value ?? '').replace(/\s+/g, '').toUpperCase();
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
