import { SHORT_CODE_ALPHABET, SHORT_CODE_PATTERN, canMoveBroadcast, maskApplicantName } from './live.js';

describe('livestream rules', () => {
  it('moves SCHEDULED → LIVE → ENDED only', () => {
    expect(canMoveBroadcast('SCHEDULED', 'LIVE')).toBe(true);
    expect(canMoveBroadcast('LIVE', 'ENDED')).toBe(true);
    expect(canMoveBroadcast('SCHEDULED', 'ENDED')).toBe(false);
    expect(canMoveBroadcast('ENDED', 'LIVE')).toBe(false);
    expect(canMoveBroadcast('LIVE', 'SCHEDULED')).toBe(false);
  });

  it('masks applicant names for the hosts\' live feed', () => {
    expect(maskApplicantName('张三')).toBe('张*');
    expect(maskApplicantName('欧阳娜娜')).toBe('欧***');
    expect(maskApplicantName('Alexander')).toBe('A****');
    expect(maskApplicantName(' 李 ')).toBe('李*');
  });

  it('short codes use 32 characters without look-alikes', () => {
    expect(SHORT_CODE_ALPHABET).toHaveLength(32);
    expect(SHORT_CODE_ALPHABET).not.toMatch(/[01lo]/);
    expect(SHORT_CODE_PATTERN.test('abcdefgh')).toBe(true);
    expect(SHORT_CODE_PATTERN.test('abcdefg0')).toBe(false);
  });
});
