import 'reflect-metadata';
import type { Server } from 'node:http';
import net from 'node:net';
import { ConfigError, loadRuntimeConfig } from './config/app-config.js';
import { openDatabase } from './database/embedded-database.js';
import { createApp } from './app.factory.js';
import { markShuttingDown } from './common/http/shutdown-state.js';

/** How long in-flight requests get to finish after SIGTERM before the process gives up on them. */
const DRAIN_TIMEOUT_MS = 10_000;
/** Hard limit for the whole shutdown (drain, jobs, pool, database). */
const SHUTDOWN_TIMEOUT_MS = 25_000;
/**
 * Before it stops listening, the server accepts queued connections until none came for this long (at most
 * SETTLE_MAX_MS; meanwhile /readyz answers 503 so balancers stop sending). 5 s: on a loaded machine the event loop can
 * take seconds to accept what the kernel queued, and a connection still queued when listening stops is reset.
 */
const SETTLE_QUIET_MS = 100;
const SETTLE_MAX_MS = 5_000;

/** Resolves once `count()` has not changed for `quietMs`, or after `maxMs`. */
async function settle(count: () => number, quietMs: number, maxMs: number): Promise<void> {
  const deadline = Date.now() + maxMs;
  let last = -1;
  while (Date.now() < deadline && count() !== last) {
    last = count();
    await new Promise((r) => setTimeout(r, quietMs));
  }
}

/**
 * Starts the whole product in one process: GraphQL, socket.io and the web app. On SIGTERM/SIGINT
 * it shuts down in order: stop accepting connections, let in-flight requests finish, run Nest's
 * shutdown hooks (job workers stop in beforeApplicationShutdown, then the pool closes), and only
 * then stop the embedded PostgreSQL.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadRuntimeConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78);
    }
    throw error;
  }
  const db = await openDatabase(config);
  let app;
  try {
    app = await createApp(config, db.url);
    await app.listen(config.port, '0.0.0.0');
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    console.error(e.code === 'EADDRINUSE' ? `Port ${config.port} is already in use: set PORT to a free port.` : (e.message ?? e));
    await app?.close().catch(() => undefined);
    await db.stop();
    process.exit(1);
  }
  console.log(
    `乐业临沂 is running at http://localhost:${config.port} (GraphQL at /graphql, ${config.nodeEnv} mode)${config.databaseUrl ? '' : ` on the embedded PostgreSQL in ${config.dataDir}`}`,
  );

  // Requests in flight, counted at the HTTP server so every route (GraphQL, feeds, files) is drained.
  const server = app.getHttpServer() as Server;
  let inFlight = 0;
  let accepted = 0;
  let stopping = false;
  server.on('connection', () => accepted++);
  let drained: (() => void) | null = null;
  let requests = 0;
  server.on('request', (_req, res) => {
    requests++;
    inFlight++;
    // Once stopping, each answer also closes its keep-alive connection.
    if (stopping) res.setHeader('Connection', 'close');
    res.once('close', () => {
      if (--inFlight === 0) drained?.();
    });
  });

  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    markShuttingDown();
    const started = Date.now();
    const log = (step: string) => console.log(`[shutdown +${Date.now() - started} ms] ${step}`);
    log(`${signal} received; ${inFlight} request(s) in flight`);
    const timer = setTimeout(() => {
      log('shutdown took too long: exiting');
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS).unref();
    let code = 0;
    try {
      // Take in what the kernel already queued (those clients have sent their requests: they get an
      // answer, with Connection: close), then stop listening. net.Server's close, not http's: http's
      // would also drop accepted connections whose request has not been read yet.
      await settle(() => accepted, SETTLE_QUIET_MS, SETTLE_MAX_MS);
      net.Server.prototype.close.call(server);
      log(`stopped listening; ${inFlight} request(s) in flight`);
      // Drain: wait for in-flight requests, and for requests still being read on accepted connections.
      const drainDeadline = Date.now() + DRAIN_TIMEOUT_MS;
      do {
        if (inFlight > 0) {
          await new Promise<void>((resolve) => {
            drained = resolve;
            setTimeout(resolve, Math.max(0, drainDeadline - Date.now())).unref();
          });
        }
        await settle(() => requests, 50, 1_000);
      } while (inFlight > 0 && Date.now() < drainDeadline);
      log(inFlight ? `drain timed out with ${inFlight} request(s) unanswered` : 'requests drained');
      server.closeIdleConnections();
      await app.close();
      log('jobs stopped, sockets closed, pool closed');
      await db.stop();
      log('database stopped');
    } catch (error) {
      code = 1;
      console.error('shutdown failed', error);
    } finally {
      clearTimeout(timer);
      process.exit(code);
    }
  };
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.once(signal, () => void shutdown(signal));
}

void main();
