import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/app-config.js';
import { openDatabase } from './database/embedded-database.js';
import { createApp } from './app.factory.js';

/**
 * Starts the whole product in one process: GraphQL, socket.io and the web app. On SIGTERM/SIGINT
 * it stops taking connections, lets in-flight requests finish, closes the pool and stops the
 * embedded database.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
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
  console.log(`乐业临沂 is running at http://localhost:${config.port} (GraphQL at /graphql)${config.databaseUrl ? '' : ` on the embedded PostgreSQL in ${config.dataDir}`}`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: finishing in-flight requests and shutting down`);
    const timer = setTimeout(() => process.exit(1), 15000).unref();
    try {
      await app.close();
      await db.stop();
    } finally {
      clearTimeout(timer);
      process.exit(0);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

void main();
