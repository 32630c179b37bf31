import { checkPasswordStrength } from './password.js';

describe('password strength', () => {
  it.each([
    ['Leye@2025', null],
    ['linyi#2025go', null],
    ['Abcdefg1', null],
    ['Ab1!', 'TOO_SHORT'],
    ['abcdefgh', 'TOO_SIMPLE'],
    ['12345678', 'TOO_SIMPLE'],
    ['abcd1234', 'TOO_SIMPLE'],
    ['Passw0rd', 'COMMON'],
    ['A1!'.repeat(50), 'TOO_LONG'],
  ])('%s → %s', (pw, problem) => expect(checkPasswordStrength(pw)).toBe(problem));
});
