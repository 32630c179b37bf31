import { AppError, ErrorCode } from '../../common/errors/app-error.js';

export const EmployerErrors = {
  creditCodeTaken: () =>
    new AppError(ErrorCode.CONFLICT, '该统一社会信用代码已注册，请联系贵单位已注册的同事或主办方 / This credit code is already registered; ask your colleague who registered it or the organizer', {
      fields: { creditCode: '该统一社会信用代码已注册 / Already registered' },
    }),
  alreadyReviewed: (status: string) =>
    new AppError(ErrorCode.CONFLICT, `该单位已审核（当前状态：${status}） / This employer has already been reviewed (now ${status})`, {
      reason: 'ALREADY_REVIEWED',
      status,
    }),
  reasonRequired: () =>
    new AppError(ErrorCode.BAD_USER_INPUT, '请填写不通过的原因 / Give the reason for rejecting', {
      fields: { reason: '请填写原因 / Reason is required' },
    }),
};
