import { describe, expect, it } from '@jest/globals';
import i18next from 'i18next';
import en from '../../i18n/locales/core.en.js';
import zhCN from '../../i18n/locales/core.zh-CN.js';
import {
  apiErrors,
  graphQLErrorCode,
  graphQLErrorMessage,
  graphQLFieldErrors,
  hasErrorCode,
  hasErrorReason,
  type ErrorWording,
} from './graphql-errors.js';

async function wordingIn(lng: 'zh-CN' | 'en'): Promise<ErrorWording> {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } }, lng, fallbackLng: 'zh-CN', interpolation: { escapeValue: false }, showSupportNotice: false });
  return i18n;
}

const badInput = {
  name: 'CombinedGraphQLErrors',
  errors: [
    {
      message: 'Invalid input: creditCode CREDIT_CODE_CHECKSUM; title TOO_LONG',
      extensions: {
        code: 'BAD_USER_INPUT',
        reason: 'INVALID_INPUT',
        params: { fields: { title: { limit: 200 } } },
        fields: { creditCode: 'CREDIT_CODE_CHECKSUM', title: 'TOO_LONG', phone: ['INVALID_PHONE'] },
      },
    },
  ],
};
const venueClash = {
  errors: [{ message: 'The venue is already taken then by "春风行动招聘会"', extensions: { code: 'CONFLICT', reason: 'VENUE_CLASH', params: { title: '春风行动招聘会' }, fields: { venueId: 'VENUE_CLASH' } } }],
};
const fallback = (code: string) => ({ errors: [{ message: 'x', extensions: { code } }] });

describe('graphql error helpers', () => {
  it('reads code, reason, params and field reasons', () => {
    expect(graphQLErrorCode(badInput)).toBe('BAD_USER_INPUT');
    expect(hasErrorCode(badInput, 'BAD_USER_INPUT')).toBe(true);
    expect(hasErrorCode(badInput, 'UNAUTHENTICATED')).toBe(false);
    expect(hasErrorReason(venueClash, 'VENUE_CLASH')).toBe(true);
    expect(apiErrors(venueClash)[0]).toEqual({ code: 'CONFLICT', reason: 'VENUE_CLASH', params: { title: '春风行动招聘会' }, fields: { venueId: 'VENUE_CLASH' } });
    expect(graphQLErrorCode(new Error('x'))).toBeNull();
    expect(graphQLErrorCode(null)).toBeNull();
  });

  it('returns the field reason codes when no wording is given', () => {
    expect(graphQLFieldErrors(badInput)).toEqual({ creditCode: 'CREDIT_CODE_CHECKSUM', title: 'TOO_LONG', phone: 'INVALID_PHONE' });
    expect(graphQLFieldErrors(fallback('CONFLICT'))).toEqual({});
  });

  it('words field errors in the UI language, with their limits', async () => {
    expect(graphQLFieldErrors(badInput, await wordingIn('zh-CN'))).toEqual({
      creditCode: '统一社会信用代码校验位不正确，请核对后重新输入',
      title: '最多 200 个字符',
      phone: '手机号应为 11 位大陆手机号',
    });
    expect(graphQLFieldErrors(badInput, await wordingIn('en'))).toEqual({
      creditCode: 'The check character of this credit code is wrong; please re-check it',
      title: 'At most 200 characters',
      phone: 'Use an 11-digit mainland mobile number',
    });
  });

  it('words a reason with its params, in either language, never splitting the developer message', async () => {
    expect(graphQLErrorMessage(venueClash, await wordingIn('zh-CN'))).toBe('场馆在该时段已被「春风行动招聘会」占用');
    expect(graphQLErrorMessage(venueClash, await wordingIn('en'))).toBe('The venue is already taken at that time by "春风行动招聘会"');
    const untitled = { errors: [{ message: 'x', extensions: { code: 'CONFLICT', reason: 'VENUE_CLASH', params: { title: '' } } }] };
    expect(graphQLErrorMessage(untitled, await wordingIn('en'))).toBe('The venue is already taken at that time');
    const notFound = { errors: [{ message: 'Event not found', extensions: { code: 'NOT_FOUND', reason: 'EVENT_NOT_FOUND', params: { resource: 'Event' } } }] };
    expect(graphQLErrorMessage(notFound, await wordingIn('zh-CN'))).toBe('活动不存在或已被删除');
    expect(graphQLErrorMessage(notFound, await wordingIn('en'))).toBe('This event does not exist or has been removed');
    const throttled = { errors: [{ message: 'x', extensions: { code: 'TOO_MANY_REQUESTS', reason: 'TOO_MANY_LOGIN_FAILURES', params: { minutes: 15 } } }] };
    expect(graphQLErrorMessage(throttled, await wordingIn('zh-CN'))).toBe('登录失败次数过多，请 15 分钟后再试');
  });

  it('falls back to the code, then to the generic sentence, for reasons it does not know', async () => {
    const zh = await wordingIn('zh-CN');
    const unknownReason = { errors: [{ message: 'x', extensions: { code: 'FORBIDDEN', reason: 'SOMETHING_NEW' } }] };
    expect(graphQLErrorMessage(unknownReason, zh)).toBe('没有权限执行此操作');
    expect(graphQLErrorMessage(fallback('SERVICE_UNAVAILABLE'), zh)).toBe('服务暂时不可用，请稍后重试');
    expect(graphQLErrorMessage(fallback('WHATEVER'), zh)).toBe('操作失败，请稍后重试');
    expect(graphQLFieldErrors({ errors: [{ extensions: { code: 'BAD_USER_INPUT', fields: { x: 'NEW_FIELD_REASON' } } }] }, zh)).toEqual({ x: '填写的值无效' });
  });

  it('de-duplicates, and falls back for network and unknown failures', async () => {
    const en = await wordingIn('en');
    expect(graphQLErrorMessage({ errors: [venueClash.errors[0], venueClash.errors[0], fallback('FORBIDDEN').errors[0]] }, en)).toBe(
      'The venue is already taken at that time by "春风行动招聘会"; You are not allowed to do this',
    );
    expect(graphQLErrorMessage(new TypeError('Failed to fetch'), en)).toBe('Cannot reach the server; check your connection and try again');
    expect(graphQLErrorMessage(new Error('boom'), en)).toBe('Something went wrong; please try again');
    expect(graphQLErrorMessage(undefined, en)).toBe('Something went wrong; please try again');
  });
});
