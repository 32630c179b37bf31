import { describe, expect, it } from '@jest/globals';
import { creditCodeCheckCharacter } from '@leye/domain';
import { creditCodeLinyiRegion, creditCodeProblem, creditCodeRegionHint, normalizeCreditCodeInput } from './credit-code-feedback.js';

const first17 = '91371302MA3C12345';
const valid = first17 + creditCodeCheckCharacter(first17);
const wrongCheck = first17 + (creditCodeCheckCharacter(first17) === '0' ? '1' : '0');

describe('credit code feedback', () => {
  it('normalizes pasted input', () => {
    expect(normalizeCreditCodeInput(' 9137 1302ma3c ')).toBe('91371302MA3C');
    expect(normalizeCreditCodeInput(undefined)).toBe('');
  });

  it('keeps every character of a code pasted with spaces or separators (18 after stripping, however long before)', () => {
    expect(normalizeCreditCodeInput('9137 1302 MA3C WK7X 1W')).toBe('91371302MA3CWK7X1W');
    expect(normalizeCreditCodeInput('91-371302-MA3C.WK7X-1W')).toBe('91371302MA3CWK7X1W');
    expect(normalizeCreditCodeInput('\u3000９１'.normalize('NFKC') + ' 371302MA3CWK7X1W')).toBe('91371302MA3CWK7X1W');
  });

  it('hints when a valid code names another district or a place outside Linyi, and only then', () => {
    expect(creditCodeRegionHint(valid, '371302')).toBeNull();
    expect(creditCodeRegionHint(valid, '371325')).toBe('OUTSIDE_REGION');
    const jinan = '91370102MA3C12345';
    expect(creditCodeRegionHint(jinan + creditCodeCheckCharacter(jinan), '371302')).toBe('OUTSIDE_LINYI');
    expect(creditCodeRegionHint(wrongCheck, '371325')).toBeNull();
    expect(creditCodeRegionHint(undefined, '371325')).toBeNull();
  });

  it('accepts a valid code in both modes', () => {
    expect(creditCodeProblem(valid, { typing: true })).toBeNull();
    expect(creditCodeProblem(valid, { typing: false })).toBeNull();
  });

  it('does not call an unfinished code too short while typing, but does on blur', () => {
    expect(creditCodeProblem('913713', { typing: true })).toBeNull();
    expect(creditCodeProblem('913713', { typing: false })).toBe('LENGTH');
  });

  it('reports forbidden characters at once', () => {
    expect(creditCodeProblem('91O', { typing: true })).toBe('CHARACTER');
  });

  it('reports a wrong check character and an overlong code', () => {
    expect(creditCodeProblem(wrongCheck, { typing: true })).toBe('CHECKSUM');
    expect(creditCodeProblem(valid + '1', { typing: true })).toBe('LENGTH');
  });

  it('finds the Linyi region a valid code was registered in', () => {
    expect(creditCodeLinyiRegion(valid)).toBe('371302');
    expect(creditCodeLinyiRegion(wrongCheck)).toBeNull();
    const beijing = '91110108MA0012345';
    expect(creditCodeLinyiRegion(beijing + creditCodeCheckCharacter(beijing))).toBeNull();
  });
});
