/** Minimum password strength: 8+ characters, at least three of four classes, not a known weak one. */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

const COMMON = new Set(['password1', 'Password1', 'Passw0rd', 'P@ssw0rd', 'Aa123456', 'Abc12345', 'Qwer1234', 'abc123456']);

export type PasswordProblem = 'TOO_SHORT' | 'TOO_LONG' | 'TOO_SIMPLE' | 'COMMON';

export function checkPasswordStrength(password: string): PasswordProblem | null {
  if (password.length < PASSWORD_MIN_LENGTH) return 'TOO_SHORT';
  if (password.length > PASSWORD_MAX_LENGTH) return 'TOO_LONG';
  if (COMMON.has(password)) return 'COMMON';
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) return 'TOO_SIMPLE';
  return null;
}

export const PASSWORD_MESSAGES: Record<PasswordProblem, { zh: string; en: string }> = {
  TOO_SHORT: { zh: `密码至少 ${PASSWORD_MIN_LENGTH} 位`, en: `Use at least ${PASSWORD_MIN_LENGTH} characters` },
  TOO_LONG: { zh: `密码不能超过 ${PASSWORD_MAX_LENGTH} 位`, en: `Use at most ${PASSWORD_MAX_LENGTH} characters` },
  TOO_SIMPLE: {
    zh: '密码需包含大写字母、小写字母、数字、符号中的至少三类',
    en: 'Mix at least three of: lower-case, upper-case, digits, symbols',
  },
  COMMON: { zh: '该密码过于常见，请换一个', en: 'This password is too common; choose another' },
};
