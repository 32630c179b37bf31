import { Controller, Get, HttpCode, ServiceUnavailableException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Public } from '../../common/auth/decorators.js';
import { isShuttingDown } from '../../common/http/shutdown-state.js';

/** Liveness (/healthz: the process answers) and readiness (/readyz: the database answers and no shutdown has begun). */
@Controller()
export class HealthController {
  constructor(private readonly ds: DataSource) {}

  @Public()
  @Get('healthz')
  @HttpCode(200)
  health() {
    return { status: 'ok' };
  }

  @Public()
  @Get('readyz')
  async ready() {
    if (isShuttingDown()) throw new ServiceUnavailableException({ status: 'stopping' });
    try {
      await this.ds.query('SELECT 1');
      return { status: 'ready', database: 'up' };
    } catch {
      throw new ServiceUnavailableException({ status: 'not ready', database: 'down' });
    }
  }
}
