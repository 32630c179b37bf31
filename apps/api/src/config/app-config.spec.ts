import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, TEST_JWT_SECRET, loadConfig, loadRuntimeConfig } from './app-config.js';

describe('loadConfig', () => {
  it('uses defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, dataDir: '.data', seedDemo: true, nodeEnv: 'production', databaseUrl: undefined, jwtSecret: undefined });
  });

  it('reads typed values', () => {
    const config = loadConfig({ PORT: '8080', SEED_DEMO: 'false', DATABASE_URL: 'postgres://u@h/db', ACCESS_TOKEN_TTL_SECONDS: '600' });
    expect(config).toMatchObject({ port: 8080, seedDemo: false, databaseUrl: 'postgres://u@h/db', accessTokenTtlSeconds: 600 });
  });

  it('reads which proxies to trust for the client address: loopback by default, names and subnets, nothing odd', () => {
    expect(loadConfig({}).trustProxy).toBe('loopback');
    expect(loadConfig({ TRUST_PROXY: 'loopback, uniquelocal' }).trustProxy).toBe('loopback, uniquelocal');
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8' }).trustProxy).toBe('10.0.0.0/8');
    expect(() => loadConfig({ TRUST_PROXY: 'true; rm -rf' })).toThrow(/TRUST_PROXY/);
  });

  it('reads the job settings: workers and schedules on by default, off on request', () => {
    expect(loadConfig({})).toMatchObject({ runWorkers: true, scheduledJobs: true, jobPollIntervalMs: 2000 });
    expect(loadConfig({ RUN_WORKERS: 'false', SCHEDULED_JOBS: 'no', JOB_POLL_INTERVAL_MS: '500' })).toMatchObject({ runWorkers: false, scheduledJobs: false, jobPollIntervalMs: 500 });
    expect(() => loadConfig({ JOB_POLL_INTERVAL_MS: '100' })).toThrow(/JOB_POLL_INTERVAL_MS/);
  });

  it('reads the SMTP settings for reset e-mails: off when unset, a sender required when set', () => {
    expect(loadConfig({})).toMatchObject({ smtpUrl: undefined, smtpFrom: undefined });
    expect(loadConfig({ SMTP_URL: 'smtps://u:p@mail.example.cn:465', SMTP_FROM: '乐业临沂 <noreply@example.cn>' })).toMatchObject({
      smtpUrl: 'smtps://u:p@mail.example.cn:465',
      smtpFrom: '乐业临沂 <noreply@example.cn>',
    });
    expect(() => loadConfig({ SMTP_URL: 'smtp://mail.example.cn:587' })).toThrow(/SMTP_FROM: required when SMTP_URL is set/);
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example.cn', SMTP_FROM: 'a@b.cn' })).toThrow(/SMTP_URL: must be an smtp/);
    expect(() => loadConfig({ SMTP_URL: 'smtp://mail.example.cn', SMTP_FROM: 'nobody' })).toThrow(/SMTP_FROM/);
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

  it('refuses publicly known JWT secrets outside the tests', () => {
    for (const NODE_ENV of ['production', 'development']) {
      expect(() => loadConfig({ NODE_ENV, JWT_SECRET: 'leye-linyi-development-secret-change-me' })).toThrow(/JWT_SECRET: this secret is publicly known/);
      expect(() => loadConfig({ NODE_ENV, JWT_SECRET: TEST_JWT_SECRET })).toThrow(/JWT_SECRET/);
      expect(() => loadConfig({ NODE_ENV, JWT_SECRET: 'change-me-to-a-long-random-secret-of-32-chars' })).toThrow(/JWT_SECRET/);
    }
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) }).jwtSecret).toBe('x'.repeat(40));
    expect(() => loadConfig({ JWT_SECRET: 'short' })).toThrow(/JWT_SECRET: must be at least 32/);
    expect(loadConfig({ NODE_ENV: 'test' }).jwtSecret).toBe(TEST_JWT_SECRET);
  });

  it('generates a random secret in DATA_DIR on first start (mode 0600) and reuses it', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'leye-config-'));
    const first = loadRuntimeConfig({ DATA_DIR: dataDir });
    expect(first.isProduction).toBe(true);
    expect(first.jwtSecret).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(statSync(join(dataDir, 'jwt-secret')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dataDir, 'jwt-secret'), 'utf8').trim()).toBe(first.jwtSecret);
    expect(loadRuntimeConfig({ DATA_DIR: dataDir }).jwtSecret).toBe(first.jwtSecret);
    expect(loadRuntimeConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'leye-config-')) }).jwtSecret).not.toBe(first.jwtSecret);
  });

  it('lets JWT_SECRET from the environment take precedence over the kept one', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'leye-config-'));
    writeFileSync(join(dataDir, 'jwt-secret'), 'k'.repeat(64), { mode: 0o600 });
    expect(loadRuntimeConfig({ DATA_DIR: dataDir, JWT_SECRET: 'e'.repeat(40) }).jwtSecret).toBe('e'.repeat(40));
    expect(loadRuntimeConfig({ DATA_DIR: dataDir }).jwtSecret).toBe('k'.repeat(64));
  });
});
