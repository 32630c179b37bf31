// Plain JS: jest loads the test sequencer outside its transform.
import { basename } from 'node:path';
import Sequencer from '@jest/test-sequencer';

/**
 * Seconds the slowest files took (in band, on a loaded 2-core machine): with several workers the longest files must
 * start first or one of them ends the run alone. Jest's own order needs its timing cache, which a fresh clone (CI)
 * lacks, and falls back to file size, which says little here (hostile-input is small and the slowest).
 */
const MEASURED = {
  'hostile-input.e2e-spec.ts': 79,
  'platform.e2e-spec.ts': 55,
  'jobs.e2e-spec.ts': 45,
  'permissions.e2e-spec.ts': 36,
  'security.e2e-spec.ts': 35,
  'error-logging.e2e-spec.ts': 34,
  'notifications.e2e-spec.ts': 33,
  'auth.e2e-spec.ts': 29,
  'shutdown.e2e-spec.ts': 28,
};

/** Failed files first, then the longest (last run's time from jest's cache, else MEASURED), then the largest. */
export default class LongestFirstSequencer extends Sequencer {
  sort(tests) {
    const size = (test) => test.context.hasteFS.getSize(test.path) ?? 0;
    for (const test of tests) test.duration = this.time(test) ?? (MEASURED[basename(test.path)] ?? 0) * 1000;
    return tests.sort((a, b) => {
      const failedA = this.hasFailed(a);
      if (failedA !== this.hasFailed(b)) return failedA ? -1 : 1;
      if (a.duration !== b.duration) return b.duration - a.duration;
      return size(b) - size(a);
    });
  }
}
