import { Catch, HttpException, Logger, type ArgumentsHost } from '@nestjs/common';
import type { GqlContextType, GqlExceptionFilter } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { AppError, ErrorCode, isDatabaseUnavailable, serviceUnavailable } from './app-error.js';
import { safeError } from './safe-error.js';

const BY_STATUS: Record<number, [ErrorCode, string]> = {
  400: [ErrorCode.BAD_USER_INPUT, 'INVALID_INPUT'],
  401: [ErrorCode.UNAUTHENTICATED, 'SIGN_IN_REQUIRED'],
  403: [ErrorCode.FORBIDDEN, 'NOT_ALLOWED'],
  404: [ErrorCode.NOT_FOUND, 'NOT_FOUND'],
  409: [ErrorCode.CONFLICT, 'CONFLICT'],
  429: [ErrorCode.TOO_MANY_REQUESTS, 'TOO_MANY_REQUESTS'],
  503: [ErrorCode.SERVICE_UNAVAILABLE, 'SERVICE_UNAVAILABLE'],
};

/** The database is down or restarting: a distinct, retryable answer (HTTP 503 with Retry-After). */
export function databaseUnavailable(): AppError {
  const e = serviceUnavailable('DATABASE_UNAVAILABLE');
  e.extensions.http = { status: 503, headers: new Map([['retry-after', '5']]) };
  return e;
}

/**
 * Safety net for input that slipped past validation: a PostgreSQL data exception (class 22: bad
 * uuid, out of range, bad date, NUL byte), a reference to a row that does not exist (23503) or a
 * check constraint (23514) is bad input, not an internal error.
 */
function inputRejectedByDatabase(error: unknown): string | null {
  const e = error as { code?: unknown; driverError?: { code?: unknown } };
  const code = String(e?.driverError?.code ?? e?.code ?? '');
  if (/^22[0-9A-Z]{3}$/.test(code) || code === '23514') return 'INVALID_VALUE';
  if (code === '23503') return 'UNKNOWN_REFERENCE';
  return null;
}

/**
 * Two transactions that needed each other's rows (PostgreSQL deadlock 40P01, or a serialization
 * failure 40001): one was rolled back whole, so nothing was half-written; the caller may retry.
 */
function concurrentChange(error: unknown): boolean {
  const e = error as { code?: unknown; driverError?: { code?: unknown } };
  const code = String(e?.driverError?.code ?? e?.code ?? '');
  return code === '40P01' || code === '40001';
}

/** Turns whatever a resolver, guard or pipe threw into the error the client should get. */
export function toClientError(exception: unknown): unknown {
  if (exception instanceof GraphQLError) return exception;
  if (isDatabaseUnavailable(exception)) return databaseUnavailable();
  if (concurrentChange(exception)) return new AppError(ErrorCode.CONFLICT, 'Changed by someone else at the same moment; try again', { reason: 'CONCURRENT_CHANGE' });
  const rejected = inputRejectedByDatabase(exception);
  if (rejected) return new AppError(ErrorCode.BAD_USER_INPUT, 'A value is not acceptable to the database', { reason: rejected });
  if (exception instanceof HttpException) {
    const [code, reason] = BY_STATUS[exception.getStatus()] ?? [];
    if (code) return new AppError(code, exception.message, { reason });
  }
  return exception;
}

/**
 * Expected, typed errors go straight to the client (Nest would otherwise log each as a crash);
 * database outages become SERVICE_UNAVAILABLE. Unexpected errors are logged once, with the request
 * id, by the request plugin (GraphQL) or here (HTTP routes).
 */
@Catch()
export class GraphQLErrorFilter implements GqlExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): unknown {
    const type = host.getType<GqlContextType>();
    if (type === 'graphql') return toClientError(exception);
    if (type !== 'http') throw exception;
    const req = host.switchToHttp().getRequest<Request & { log?: { error(o: object, m: string): void } }>();
    const res = host.switchToHttp().getResponse<Response>();
    if (exception instanceof HttpException) {
      const body = exception.getResponse();
      res.status(exception.getStatus()).json(typeof body === 'string' ? { statusCode: exception.getStatus(), message: body } : body);
      return;
    }
    if (exception instanceof AppError) {
      // Typed errors on HTTP routes (a guard's UNAUTHENTICATED/FORBIDDEN on an export): the matching status, same body shape.
      const status = Number(Object.entries(BY_STATUS).find(([, [code]]) => code === exception.extensions.code)?.[0] ?? 500);
      res.status(status).json({ statusCode: status, code: exception.extensions.code, reason: exception.reason, message: exception.message });
      return;
    }
    if (isDatabaseUnavailable(exception)) {
      res.status(503).setHeader('Retry-After', '5');
      res.json({ statusCode: 503, code: ErrorCode.SERVICE_UNAVAILABLE, message: 'The database is unavailable; retry shortly' });
      return;
    }
    if (req.log) req.log.error({ err: safeError(exception) }, 'unexpected error');
    else this.logger.error(safeError(exception));
    res.status(500).json({ statusCode: 500, code: ErrorCode.INTERNAL_SERVER_ERROR, message: 'Internal server error' });
  }
}
