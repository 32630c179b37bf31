import { checkCreditCode, creditCodeCheckCharacter } from './credit-code.js';

describe('unified social credit code (GB 32100-2015)', () => {
  it.each([
    ['91350100M000100Y43', true, undefined],
    ['91110000600037341L', true, undefined],
    [' 91350100m000100y43 ', true, undefined],
    ['91350100M000100Y44', false, 'CHECKSUM'],
    ['91350100M000100Y4', false, 'LENGTH'],
    ['91350100M000100Y433', false, 'LENGTH'],
    ['91350100M0001O0Y43', false, 'CHARACTER'],
    ['913501I0M000100Y43', false, 'CHARACTER'],
    ['91AB0100M000100Y43', false, 'REGION'],
  ])('%s → valid=%s (%s)', (code, valid, problem) => {
    const result = checkCreditCode(code);
    expect(result.valid).toBe(valid);
    expect(result.problem).toBe(problem);
  });

  it('computes the check character that makes a code valid, for every prefix', () => {
    for (const first17 of ['91371302MA3C00001', '12371300004213456', '52371312MJD123456']) {
      const code = first17 + creditCodeCheckCharacter(first17);
      expect(checkCreditCode(code)).toMatchObject({ valid: true, regionCode: first17.slice(2, 8) });
    }
  });

  it('maps a remainder of 0 to check character 0', () => {
    // Searching a serial whose weighted sum is divisible by 31 exercises the (31 - 0) % 31 branch.
    let found = '';
    for (let i = 0; i < 2000 && !found; i++) {
      const first17 = `91371302${String(i).padStart(9, '0')}`;
      if (creditCodeCheckCharacter(first17) === '0') found = first17;
    }
    expect(found).not.toBe('');
    expect(checkCreditCode(`${found}0`).valid).toBe(true);
  });
});
