import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config.js';
import { AppError, ErrorCode } from '../../common/errors/app-error.js';
import { forgetAttempts, refundAttempt, reserveAttempt, type ThrottleRule } from './throttle-counter.js';

const DAY_SECONDS = 86_400;

/** What one sign-in attempt counts against; `account` is the account id when the account exists. */
export interface LoginAttempt {
  account: string;
  address: string;
}

/**
 * Sign-in throttling (see docs/calendar.md → "Sign-in throttling"). Three counters, each reserved
 * atomically before the password is checked:
 * - account from one address: `loginMaxFailures` free, then backoff (1 min, 2, 4 … up to 15 min);
 * - the address over all accounts: `loginMaxFailuresPerAddress` free, then the same backoff;
 * - the account from every address: `loginMaxFailuresPerAccount` free, then the same backoff.
 * A stranger at one address exhausts only its own counters, so the owner signs in from elsewhere.
 * A successful sign-in forgets the account's counters and gives the address its attempt back.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    private readonly ds: DataSource,
    private readonly config: AppConfig,
  ) {}

  private rule(free: number): ThrottleRule {
    return { free, backoffSeconds: this.config.loginBackoffSeconds, maxWaitSeconds: this.config.loginFailureWindowSeconds, forgetSeconds: DAY_SECONDS };
  }

  private keys(a: LoginAttempt) {
    return {
      address: { key: `login-addr:${a.address}`, rule: this.rule(this.config.loginMaxFailuresPerAddress) },
      pair: { key: `login-pair:${a.account}@${a.address}`, rule: this.rule(this.config.loginMaxFailures) },
      account: { key: `login-acct:${a.account}`, rule: this.rule(this.config.loginMaxFailuresPerAccount) },
    };
  }

  /** Reserves the attempt on every counter or throws TOO_MANY_REQUESTS (the password is then not checked). */
  async reserve(attempt: LoginAttempt): Promise<void> {
    const k = this.keys(attempt);
    for (const { key, rule } of [k.address, k.pair, k.account]) {
      const wait = await reserveAttempt(this.ds, key, rule);
      if (wait !== null) {
        throw new AppError(ErrorCode.TOO_MANY_REQUESTS, `Too many sign-in attempts; try again in ${wait} seconds`, {
          reason: 'TOO_MANY_LOGIN_ATTEMPTS',
          params: { seconds: wait },
          retryAfterSeconds: wait,
        });
      }
    }
  }

  async succeeded(attempt: LoginAttempt): Promise<void> {
    const k = this.keys(attempt);
    await forgetAttempts(this.ds, [k.pair.key, k.account.key]);
    await refundAttempt(this.ds, k.address.key, k.address.rule);
  }
}
