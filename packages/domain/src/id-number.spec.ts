import { isValidIdNumber } from './id-number.js';

describe('resident ID number (GB 11643-1999)', () => {
  it.each([
    ['11010519491231002X', true],
    ['11010519491231002x', true],
    ['110105194912310021', false],
    ['110105194902300027', false], // 30 February
    ['11010519491231002', false],
    ['A1010519491231002X', false],
  ])('%s → %s', (id, valid) => expect(isValidIdNumber(id)).toBe(valid));
});
