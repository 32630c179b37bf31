// Plain JS: jest loads test environments outside its transform.
import { TestEnvironment } from 'jest-environment-node';
import { ignoreQueueTimersAfterTeardown } from './queue-timer-guard.mjs';

// This module loads in every process that runs test files: jest itself in band, and each worker otherwise.
ignoreQueueTimersAfterTeardown();

/**
 * The node environment, torn down only after the job queue's own stop loop has finished: pg-boss polls for its
 * workers to stop with a 1 s delay that it schedules after `stop()` resolves, and a timer firing after teardown fails the
 * whole file ("Cannot destructure property 'setTimeout' of 'require(...)'") though every test passed.
 */
export default class SettledEnvironment extends TestEnvironment {
  async teardown() {
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    await super.teardown();
  }
}
