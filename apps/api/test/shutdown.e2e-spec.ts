import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './support/faulty-postgres.js';
import { API_DIR, MAIN, ensureBuilt, postOnce } from './support/processes.js';

/**
 * `npm start`'s server (node dist/main.js on the embedded PostgreSQL in a fresh DATA_DIR) gets SIGTERM
 * in the middle of a burst of requests: every request it accepted must get a full answer, and it
 * must exit 0 after stopping the database last.
 */
describe('SIGTERM during a burst of requests', () => {
  let child: ChildProcess;
  let output = '';
  let port: number;
  const env = () => ({
    ...process.env,
    NODE_ENV: 'production',
    NODE_OPTIONS: '',
    PORT: String(port),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'false',
    WEB_DIST_DIR: '/nonexistent',
    
    DATABASE_URL: '',
    JWT_SECRET: '',
  });
  let dataDir: string;

  beforeAll(async () => {
    ensureBuilt();
    port = await freePort();
    dataDir = mkdtempSync(join(tmpdir(), 'leye-shutdown-'));
    const pgPort = await freePort();
    const base = { ...env(), EMBEDDED_PG_PORT: String(pgPort) };
    execFileSync('node', [join(API_DIR, 'dist/database/migrate.js')], { env: base, stdio: 'pipe' });
    child = spawn('node', [MAIN], { env: base, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    for (let i = 0; i < 600; i++) {
      const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false);
      if (ok) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`server did not become ready:\n${output}`);
  }, 120_000);

  afterAll(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });

  it('answers every accepted request, then exits 0', async () => {
    const started = Date.now();
    let answeredBeforeSignal = 0;
    let signalAt = 0;
    let sent = 0;
    const post = (body: object) =>
      postOnce(port, '/graphql', body, {}, started, () => !signalAt, () => answeredBeforeSignal++, () => sent++);
    // Slow-ish: a wrong password costs an argon2id verification; the calendar query reads the database.
    const burst = Array.from({ length: 50 }, (_, i) =>
      i % 2
        ? post({ query: 'mutation($i: LoginInput!) { login(input: $i) { accessToken } }', variables: { i: { login: `nobody${i}@example.test`, password: 'Wrong#Password1' } } })
        : post({ query: '{ events(take: 50) { items { id title } } holidays(year: 2026) { days { date } } }' }),
    );
    // Mid-burst: every request has been sent and the first answers are back; most are still being worked on.
    while ((sent < 50 || answeredBeforeSignal < 3) && Date.now() - started < 10_000) await new Promise((r) => setTimeout(r, 2));
    signalAt = Date.now() - started;
    const exited = new Promise<{ code: number | null; at: number }>((r) => child.once('exit', (code) => r({ code, at: Date.now() - started })));
    child.kill('SIGTERM');
    const outcomes = await Promise.all(burst);
    const exit = await exited;
    // After SIGTERM nothing new is accepted.
    const late = await fetch(`http://127.0.0.1:${port}/healthz`).then(() => 'answered', (e: Error & { cause?: { code?: string } }) => e.cause?.code);

    const afterSignal = outcomes.filter((o) => o.kind === 'answered' && o.at >= signalAt).length;
    const report = {
      sentBeforeSignal: sent,
      signalAtMs: signalAt,
      exitMsAfterSignal: exit.at - signalAt,
      answered: outcomes.filter((o) => o.kind === 'answered').length,
      answeredAfterSignal: afterSignal,
      notAnswered: outcomes.filter((o) => o.kind !== 'answered'),
      failedAnswers: outcomes.filter((o) => o.kind === 'answered' && (o.status >= 500 || o.codes.some((c) => c === 'INTERNAL_SERVER_ERROR' || c === 'SERVICE_UNAVAILABLE'))),
    };
    console.log(`shutdown: ${JSON.stringify({ ...report, notAnswered: report.notAnswered.length, failedAnswers: report.failedAnswers.length })}\n${output.split('\n').filter((l) => l.includes('[shutdown')).join('\n')}`);
    expect(sent).toBe(50);
    expect(report.notAnswered).toEqual([]);
    expect(report.failedAnswers).toEqual([]);
    // The signal really came mid-burst: requests were still being worked on when it arrived.
    expect(afterSignal).toBeGreaterThan(0);
    expect(exit.code).toBe(0);
    expect(output).toMatch(/database stopped/);
    expect(late).toBe('ECONNREFUSED');
  }, 60_000);
});
