import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** The major version of the PostgreSQL client tools on PATH (`pg_dump --version`). */
export function toolMajor(): number {
  const out = execFileSync('pg_dump', ['--version'], { encoding: 'utf8' });
  return Number(/(\d+)(\.\d+)?/.exec(out.replace(/^[^)]*\)/, ''))![1]);
}

export async function serverMajor(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query(`SELECT current_setting('server_version_num')::int AS v`);
    return Math.floor(rows[0].v / 10000);
  } finally {
    await c.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/**
 * A throwaway PostgreSQL server built from the same installation as the client tools (`pg_config --bindir`),
 * for tests whose tools cannot talk to the run's server (pg_dump refuses a newer server). Runs as the
 * `postgres` OS user when we are root (initdb refuses root). Trust authentication on 127.0.0.1 only.
 */
export async function startToolsServer(): Promise<{ url: string; stop(): void }> {
  const bindir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
  const root = process.getuid?.() === 0;
  const parent = mkdtempSync(join(tmpdir(), 'leye-pgtools-'));
  chmodSync(parent, 0o755);
  const dir = join(parent, 'data');
  const asPg = (cmd: string, args: string[]) => {
    const r = root ? spawnSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { encoding: 'utf8' }) : spawnSync(cmd, args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr || r.stdout}`);
  };
  if (root) {
    const { uid, gid } = userIds('postgres');
    chownSync(parent, uid, gid);
  }
  asPg(join(bindir, 'initdb'), ['-D', dir, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const port = await freePort();
  asPg(join(bindir, 'pg_ctl'), ['-D', dir, '-w', '-l', join(parent, 'log'), '-o', `-p ${port} -k ${parent} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        asPg(join(bindir, 'pg_ctl'), ['-D', dir, '-w', '-m', 'fast', 'stop']);
      } finally {
        rmSync(parent, { recursive: true, force: true });
      }
    },
  };
}

function userIds(name: string): { uid: number; gid: number } {
  const line = execFileSync('getent', ['passwd', name], { encoding: 'utf8' }).split(':');
  return { uid: Number(line[2]), gid: Number(line[3]) };
}
