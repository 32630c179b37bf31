import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built API, as `npm start` and the worker's deployment run it (test/shutdown.e2e-spec.ts, test/sigterm-load.e2e-spec.ts). */
export const API_DIR = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const MAIN = join(API_DIR, 'dist/main.js');
export const WORKER = join(API_DIR, 'dist/worker.js');

function newestMtime(dir: string): number {
  return Math.max(...readdirSync(dir, { withFileTypes: true }).map((e) => (e.isDirectory() ? newestMtime(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs)));
}

const builtAt = () => {
  try {
    return Math.min(statSync(MAIN).mtimeMs, statSync(WORKER).mtimeMs);
  } catch {
    return 0;
  }
};

/** Builds dist/ if the sources are newer; one test file at a time (a lock folder), the others wait for it. */
export function ensureBuilt(): void {
  if (builtAt() >= newestMtime(join(API_DIR, 'src'))) return;
  const lock = join(API_DIR, '.build-lock');
  for (let i = 0; ; i++) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (i > 1200) throw new Error(`${lock} held for 2 minutes`);
      execFileSync('sleep', ['0.1']);
    }
  }
  try {
    if (builtAt() < newestMtime(join(API_DIR, 'src'))) execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: API_DIR, stdio: 'inherit' });
  } finally {
    rmdirSync(lock);
  }
}

export type Outcome =
  | { kind: 'answered'; status: number; codes: string[]; data: Record<string, any> | null; at: number }
  | { kind: 'refused'; at: number }
  | { kind: 'broken'; error: string; at: number };

/**
 * One request on its own connection (so "accepted" is unambiguous: the request was fully sent before SIGTERM),
 * resolving with its outcome: answered (status, error codes, data), refused (ECONNREFUSED), or broken.
 */
export function postOnce(
  port: number,
  path: string,
  body: object,
  headers: Record<string, string>,
  started: number,
  beforeSignal: () => boolean = () => false,
  onAnsweredBeforeSignal: () => void = () => undefined,
  onSent: () => void = () => undefined,
): Promise<Outcome> {
  return new Promise<Outcome>((resolveOutcome) => {
    const payload = JSON.stringify(body);
    const req = request(
      { host: '127.0.0.1', port, path, method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (text += c));
        res.on('end', () => {
          if (beforeSignal()) onAnsweredBeforeSignal();
          try {
            const parsed = JSON.parse(text) as { data?: Record<string, any> | null; errors?: Array<{ extensions?: { code?: string } }> };
            resolveOutcome({ kind: 'answered', status: res.statusCode!, codes: (parsed.errors ?? []).map((e) => String(e.extensions?.code)), data: parsed.data ?? null, at: Date.now() - started });
          } catch {
            resolveOutcome({ kind: 'broken', error: `unparseable answer: ${text.slice(0, 80)}`, at: Date.now() - started });
          }
        });
        res.on('error', (e) => resolveOutcome({ kind: 'broken', error: e.message, at: Date.now() - started }));
      },
    );
    req.on('error', (e: NodeJS.ErrnoException) => resolveOutcome({ kind: e.code === 'ECONNREFUSED' ? 'refused' : 'broken', error: `${e.code} ${e.message}`, at: Date.now() - started } as Outcome));
    req.on('finish', onSent);
    req.end(payload);
  });
}

/** A built entry point (dist/main.js or dist/worker.js) as a child process; its output kept; resolves once `ready()` holds. */
export async function startChild(entry: string, env: Record<string, string>, ready: () => Promise<boolean>) {
  const child = spawn('node', [entry], { env: { ...process.env, NODE_OPTIONS: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const proc = { child, output: '', exited: new Promise<number | null>((r) => child.once('exit', (code) => r(code))) };
  child.stdout!.on('data', (d) => (proc.output += d));
  child.stderr!.on('data', (d) => (proc.output += d));
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) break;
    if (await ready()) return proc;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`${entry} did not become ready:\n${proc.output}`);
}
