import { AppError, ErrorCode } from '../../common/errors/app-error.js';

export const EmployerErrors = {
  creditCodeTaken: () =>
    new AppError(ErrorCode.CONFLICT, 'This credit code is already registered', {
      reason: 'CREDIT_CODE_TAKEN',
      fields: { creditCode: 'CREDIT_CODE_TAKEN' },
    }),
  alreadyReviewed: (status: string) =>
    new AppError(ErrorCode.CONFLICT, `This employer has already been reviewed (now ${status})`, {
      reason: 'EMPLOYER_ALREADY_REVIEWED',
      params: { status },
      status,
    }),
  reasonRequired: () =>
    new AppError(ErrorCode.BAD_USER_INPUT, 'A rejection needs a reason', {
      reason: 'REJECTION_REASON_REQUIRED',
      fields: { reason: 'REQUIRED' },
    }),
};
