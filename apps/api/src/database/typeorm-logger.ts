import { Logger as NestLogger } from '@nestjs/common';
import type { Logger as TypeOrmLoggerContract } from 'typeorm';

type Sink = Pick<NestLogger, 'error' | 'warn' | 'log'>;

/**
 * TypeORM's logger: failed and slow SQL are logged with their text only, never their parameters
 * (they carry password hashes, e-mail addresses and phone numbers). Goes through Nest's logger,
 * which is pino (with request ids) inside the app and the console in the migrate CLI.
 */
export class SafeTypeOrmLogger implements TypeOrmLoggerContract {
  constructor(private readonly sink: Sink = new NestLogger('TypeORM')) {}

  logQuery(): void {}

  logQueryError(error: string | Error, query: string, _parameters?: unknown): void {
    const e = error as { message?: string; code?: string; constraint?: string };
    this.sink.error({ msg: 'query failed', error: typeof error === 'string' ? error : e.message, code: e.code, constraint: e.constraint, sql: oneLine(query) });
  }

  logQuerySlow(time: number, query: string): void {
    this.sink.warn({ msg: 'slow query', ms: time, sql: oneLine(query) });
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    this.sink.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.sink.warn(String(message));
  }
}

const oneLine = (sql: string) => sql.replace(/\s+/g, ' ').trim().slice(0, 2000);
