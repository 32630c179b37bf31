import { describe, expect, it } from '@jest/globals';
import { graphQLErrorCode, graphQLErrorMessage, graphQLFieldErrors, hasErrorCode } from './graphql-errors.js';

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
