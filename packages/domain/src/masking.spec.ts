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
