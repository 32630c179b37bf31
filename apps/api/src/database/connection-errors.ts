import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import { DataSource } from 'typeorm';

const WATCHED = Symbol('leye.connection-error-listener');

/**
 * A PostgreSQL restart must not crash the process. node-postgres emits `error` on a client whose server ended the
 * connection ("terminating connection due to administrator command"); with no listener that is an uncaught
 * exception. TypeORM listens only while a query runner holds the client and removes its listener when it
 * releases it, so a FATAL message arriving just then found none (test/faults.e2e-spec.ts). Every client of the
 * pool gets a permanent listener that only logs; the pool and TypeORM still discard the broken client, and the
 * request that used it answers SERVICE_UNAVAILABLE.
 */
@Injectable()
export class ConnectionErrorListener implements OnApplicationBootstrap {
  private readonly logger = new Logger('Database');

  constructor(private readonly ds: DataSource) {}

  onApplicationBootstrap(): void {
    const pool = (this.ds.driver as unknown as { master?: Pool & { _clients?: PoolClient[] } }).master;
    if (!pool) return;
    const watch = (client: PoolClient & { [WATCHED]?: boolean }) => {
      if (client[WATCHED]) return;
      client[WATCHED] = true;
      client.on('error', (error: Error) => this.logger.warn(`a database connection was lost: ${error.message}`));
    };
    for (const client of pool._clients ?? []) watch(client);
    pool.on('connect', watch);
  }
}
