// Plain JS: loaded by jest's global setup and test environment, outside its transform.

/**
 * pg-boss polls for its workers to stop with a timer it schedules after `stop()` resolves; when that timer fires after
 * jest tore a file's environment down, pg-boss's lazy `require` returns undefined and the uncaught TypeError kills the
 * process it runs in (seen once in CI, every test having passed). Only that exact leftover is ignored (and reported);
 * any other uncaught error still ends the process with a failure. Installed once per process: the jest process itself
 * (`--runInBand`, one file) and each worker process (several files at once), through the test environment.
 */
export function ignoreQueueTimersAfterTeardown() {
  if (globalThis.__LEYE_QUEUE_TIMER_GUARD__) return;
  globalThis.__LEYE_QUEUE_TIMER_GUARD__ = true;
  // A jest worker has its own listener, which logs and exits: it must not see the ignored leftover, so it is taken
  // off and called from here for every other error.
  const others = process.rawListeners('uncaughtException');
  process.removeAllListeners('uncaughtException');
  process.on('uncaughtException', (error, origin) => {
    const stack = String(error?.stack ?? error);
    if (stack.includes('pg-boss') && /Cannot destructure property 'setTimeout'|Jest environment has been torn down/.test(stack)) {
      process.stderr.write(`ignored a job-queue timer that fired after its test file ended: ${error.message}\n`);
      return;
    }
    if (others.length) {
      for (const listener of others) listener.call(process, error, origin);
      return;
    }
    process.stderr.write(`${stack}\n`);
    process.exit(1);
  });
}
