import { maskEmail, maskIdNumber, maskPhone } from './masking.js';

describe('masking personal data in lists', () => {
  it.each([
    [maskPhone('13912345678'), '139****5678'],
    [maskPhone(null), null],
    [maskPhone('12345'), '*****'],
    [maskIdNumber('11010519491231002X'), '1101**********002X'],
    [maskEmail('zhang.san@example.com'), 'z***@example.com'],
    [maskEmail('broken'), '***'],
  ])('%s = %s', (actual, expected) => expect(actual).toBe(expected));
});

import { maskName } from './attendance.js';
describe('maskName', () => {
  it.each([['张三华', '张*华'], ['张三', '张*'], ['王', '*'], ['欧阳小明', '欧**明'], ['', ''], [null, '']])('%s → %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });
});
