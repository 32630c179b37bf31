import { GraphQLError } from 'graphql';

/** The stable error codes every client can rely on (extensions.code). */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/**
 * Base of every feature exception: a GraphQL error with a stable code, a message a person can act
 * on, and for bad input the offending fields (`extensions.fields`: field → message).
 */
export class AppError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    extra: { fields?: Record<string, string>; reason?: string; [key: string]: unknown } = {},
  ) {
    super(message, { extensions: { code, ...extra } });
  }
}

export const badInput = (message: string, fields?: Record<string, string>) =>
  new AppError(ErrorCode.BAD_USER_INPUT, message, fields ? { fields } : {});
export const unauthenticated = (message = '请先登录 / Please sign in') => new AppError(ErrorCode.UNAUTHENTICATED, message);
export const forbidden = (message = '无权执行此操作 / You are not allowed to do this') => new AppError(ErrorCode.FORBIDDEN, message);
export const notFound = (what: string) => new AppError(ErrorCode.NOT_FOUND, `${what}不存在 / ${what} not found`);
export const conflict = (message: string, extra: Record<string, unknown> = {}) => new AppError(ErrorCode.CONFLICT, message, extra);

/** PostgreSQL unique violation (23505) → the constraint's name, so services can say what clashed. */
export function uniqueViolation(error: unknown): string | null {
  const e = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = e.driverError?.code ?? e.code;
  return code === '23505' ? (e.driverError?.constraint ?? e.constraint ?? 'unique') : null;
}
