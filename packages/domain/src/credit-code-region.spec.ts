import { creditCodeCheckCharacter, normalizeCreditCode, checkCreditCode } from './credit-code.js';
import { creditCodeRegionMismatch } from './credit-code-region.js';

const code = (division: string) => {
  const first17 = `91${division}MA3CWK7X1`;
  return first17 + creditCodeCheckCharacter(first17);
};

describe('credit code region mismatch', () => {
  it.each([
    [code('371302'), '371302', null],
    [code('371302'), '371325', 'OUTSIDE_REGION'],
    [code('371325'), '371302', 'OUTSIDE_REGION'],
    [code('370102'), '371302', 'OUTSIDE_LINYI'],
    [code('110105'), null, 'OUTSIDE_LINYI'],
    [code('371300'), '371325', null],
    [code('371302'), '371391', null],
    [code('371302'), '371300', null],
    [code('371302'), null, null],
    ['short', '371302', null],
  ])('%s in %s → %s', (c, region, expected) => expect(creditCodeRegionMismatch(c, region)).toBe(expected));
});

describe('credit code normalisation', () => {
  it.each([
    ['9137 1302 MA3C WK7X 1W', '91371302MA3CWK7X1W'],
    ['91-371302-ma3c.wk7x_1w', '91371302MA3CWK7X1W'],
    ['　91371302MA3CWK7X1W　', '91371302MA3CWK7X1W'],
  ])('%s → %s', (input, expected) => expect(normalizeCreditCode(input)).toBe(expected));

  it('checks a pasted code with spaces as the code itself', () => {
    const c = code('371302');
    const spaced = `${c.slice(0, 4)} ${c.slice(4, 8)} ${c.slice(8, 12)} ${c.slice(12, 16)} ${c.slice(16)}`;
    expect(checkCreditCode(spaced)).toMatchObject({ valid: true, normalized: c });
  });
});
