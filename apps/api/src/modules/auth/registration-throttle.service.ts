import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config.js';
import { AppError, ErrorCode } from '../../common/errors/app-error.js';
import { reserveAttempt } from './throttle-counter.js';

const HOUR_SECONDS = 3600;

/**
 * New accounts per client address: `registrationsPerAddressPerHour` free, then one an hour; forgotten
 * after an hour without registrations. Counted in PostgreSQL so every instance shares the count.
 */
@Injectable()
export class RegistrationThrottleService {
  constructor(
    private readonly ds: DataSource,
    private readonly config: AppConfig,
  ) {}

  async reserve(address: string): Promise<void> {
    const free = this.config.registrationsPerAddressPerHour;
    const wait = await reserveAttempt(this.ds, `register-addr:${address}`, {
      free,
      backoffSeconds: HOUR_SECONDS,
      maxWaitSeconds: HOUR_SECONDS,
      forgetSeconds: HOUR_SECONDS,
    });
    if (wait !== null) {
      throw new AppError(ErrorCode.TOO_MANY_REQUESTS, `Too many sign-ups from this address; try again in ${Math.ceil(wait / 60)} minutes`, {
        reason: 'TOO_MANY_REGISTRATIONS',
        params: { minutes: Math.ceil(wait / 60) },
        retryAfterSeconds: wait,
      });
    }
  }
}
