import { ConfigError, loadConfig } from './app-config.js';

describe('loadConfig', () => {
  it('uses defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, dataDir: '.data', seedDemo: true, nodeEnv: 'development', databaseUrl: undefined });
  });

  it('reads typed values', () => {
    const config = loadConfig({ PORT: '8080', SEED_DEMO: 'false', DATABASE_URL: 'postgres://u@h/db', ACCESS_TOKEN_TTL_SECONDS: '600' });
    expect(config).toMatchObject({ port: 8080, seedDemo: false, databaseUrl: 'postgres://u@h/db', accessTokenTtlSeconds: 600 });
  });

  it('reads the job settings: workers and schedules on by default, off on request', () => {
    expect(loadConfig({})).toMatchObject({ runWorkers: true, scheduledJobs: true, jobPollIntervalMs: 2000 });
    expect(loadConfig({ RUN_WORKERS: 'false', SCHEDULED_JOBS: 'no', JOB_POLL_INTERVAL_MS: '500' })).toMatchObject({ runWorkers: false, scheduledJobs: false, jobPollIntervalMs: 500 });
    expect(() => loadConfig({ JOB_POLL_INTERVAL_MS: '100' })).toThrow(/JOB_POLL_INTERVAL_MS/);
  });

  it('names every bad variable in one error', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SEED_DEMO: 'maybe', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['PORT', 'DATABASE_URL', 'SEED_DEMO', 'LOG_LEVEL']) expect(problems).toContain(name);
  });

  it('demands a real JWT secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'change-me-to-a-long-random-secret-of-32-chars' })).toThrow(/JWT_SECRET/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) }).isProduction).toBe(true);
    expect(() => loadConfig({ JWT_SECRET: 'short' })).toThrow(/JWT_SECRET: must be at least 32/);
  });
});
