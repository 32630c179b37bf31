import { describe, expect, it } from '@jest/globals';
import { resetPrefill } from './reset-prefill.js';

describe('resetPrefill', () => {
  it('reads the account and code from a reset e-mail link', () => {
    expect(resetPrefill(new URLSearchParams('login=sun%2Bjobs%40example.cn&code=7KQ2M-X9PHT'))).toEqual({ login: 'sun+jobs@example.cn', code: '7KQ2M-X9PHT' });
  });

  it('leaves out missing, blank and overlong values', () => {
    expect(resetPrefill(new URLSearchParams(''))).toEqual({});
    expect(resetPrefill(new URLSearchParams('login=%20%20&code='))).toEqual({});
    expect(resetPrefill(new URLSearchParams(`login=a%40b.cn&code=${'X'.repeat(41)}`))).toEqual({ login: 'a@b.cn' });
  });
});
