import { describe, expect, it } from '@jest/globals';
import { graphQLErrorCode, graphQLErrorMessage, graphQLFieldErrors, hasErrorCode, pickMessageLanguage } from './graphql-errors.js';

const fallback = { network: 'NETWORK', generic: 'GENERIC' };

describe('graphql error helpers', () => {
  const badInput = {
    name: 'CombinedGraphQLErrors',
    errors: [
      {
        message: '统一社会信用代码校验位不正确',
        extensions: { code: 'BAD_USER_INPUT', fields: { creditCode: '统一社会信用代码校验位不正确', phone: ['手机号格式不正确'] } },
      },
    ],
  };

  it('reads the first code', () => {
    expect(graphQLErrorCode(badInput)).toBe('BAD_USER_INPUT');
    expect(hasErrorCode(badInput, 'BAD_USER_INPUT')).toBe(true);
    expect(hasErrorCode(badInput, 'UNAUTHENTICATED')).toBe(false);
    expect(graphQLErrorCode(new Error('x'))).toBeNull();
    expect(graphQLErrorCode(null)).toBeNull();
  });

  it('collects field messages from extensions.fields', () => {
    expect(graphQLFieldErrors(badInput)).toEqual({
      creditCode: '统一社会信用代码校验位不正确',
      phone: '手机号格式不正确',
    });
    expect(graphQLFieldErrors({ errors: [{ message: 'x', extensions: { code: 'CONFLICT' } }] })).toEqual({});
  });

  it('shows the API message, de-duplicated', () => {
    expect(
      graphQLErrorMessage({ errors: [{ message: 'A' }, { message: 'A' }, { message: 'B' }] }, fallback),
    ).toBe('A；B');
  });

  it('falls back for network and unknown errors', () => {
    expect(graphQLErrorMessage(new TypeError('Failed to fetch'), fallback)).toBe('NETWORK');
    expect(graphQLErrorMessage(new Error('boom'), fallback)).toBe('GENERIC');
    expect(graphQLErrorMessage(undefined, fallback)).toBe('GENERIC');
  });
});

describe('pickMessageLanguage', () => {
  it('takes the half of a bilingual API message that matches the UI language', () => {
    const m = '该统一社会信用代码已注册 / Already registered';
    expect(pickMessageLanguage(m, 'zh')).toBe('该统一社会信用代码已注册');
    expect(pickMessageLanguage(m, 'en')).toBe('Already registered');
  });

  it('keeps Chinese names quoted in the English half', () => {
    const m = '场馆在该时段已被「春风行动招聘会」占用 / The venue is already taken then by "春风行动招聘会"';
    expect(pickMessageLanguage(m, 'zh')).toBe('场馆在该时段已被「春风行动招聘会」占用');
    expect(pickMessageLanguage(m, 'en')).toBe('The venue is already taken then by "春风行动招聘会"');
  });

  it('leaves other messages alone', () => {
    expect(pickMessageLanguage('a / b', 'zh')).toBe('a / b');
    expect(pickMessageLanguage('单一信息', 'en')).toBe('单一信息');
    expect(pickMessageLanguage('一 / 二 / three', 'en')).toBe('一 / 二 / three');
    expect(pickMessageLanguage('甲 / 乙', 'en')).toBe('甲 / 乙');
  });

  it('is applied to messages and field errors when a language is given', () => {
    const error = {
      errors: [{ message: '输入有误 / Invalid input', extensions: { code: 'BAD_USER_INPUT', fields: { reason: '请填写原因 / Reason is required' } } }],
    };
    expect(graphQLErrorMessage(error, fallback, 'en')).toBe('Invalid input');
    expect(graphQLFieldErrors(error, 'zh')).toEqual({ reason: '请填写原因' });
  });
});
