import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module.js';
import { ConfigError, loadConfig } from './config/app-config.js';
import { PendingMigrationsError } from './app.factory.js';
import { Metrics } from './common/metrics/metrics.js';
import { metricsAllowed } from './common/metrics/metrics.controller.js';
import { createServer, type Server } from 'node:http';

/**
 * The worker's metrics (docs/operations.md#metrics): the same registry as an API instance's (job durations and
 * failed attempts of the jobs this worker works, queue depths, process metrics) and the same rule for who may
 * scrape, on its own port since the worker serves no HTTP otherwise. `/healthz` answers 200 for a liveness probe.
 */
function serveMetrics(metrics: Metrics, token: string | undefined, port: number): Server {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === '/healthz') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
      return;
    }
    if (req.method !== 'GET' || path !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    if (!metricsAllowed(token, req)) {
      res.writeHead(403, { 'content-type': 'text/plain' }).end('metrics: send METRICS_TOKEN as a bearer token, or scrape directly from a private address\n');
      return;
    }
    metrics.registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': metrics.registry.contentType, 'cache-control': 'no-store' }).end(text),
      (error: Error) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`metrics: ${error.message}\n`),
    );
  });
  // A taken port (another worker on this host) costs the metrics, not the worker.
  server.on('error', (error: Error) => console.error(`worker metrics: not served on port ${port}: ${error.message}`));
  server.listen(port);
  return server;
}

/**
 * `npm run worker`: works the job queue (domain-event subscribers and scheduled jobs) without
 * serving HTTP, for when the API is scaled out with RUN_WORKERS=false. Needs DATABASE_URL: the
 * embedded database belongs to the one process that started it.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
    if (!config.databaseUrl) throw new ConfigError(['DATABASE_URL: the worker needs the API’s database (set DATABASE_URL)']);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78);
    }
    throw error;
  }
  config.runWorkers = true;
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, config.databaseUrl!), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  if (await app.get(DataSource).showMigrations()) {
    await app.close();
    console.error(new PendingMigrationsError().message);
    process.exit(1);
  }
  await app.init();
  const metricsServer = config.workerMetricsPort ? serveMetrics(app.get(Metrics), config.metricsToken, config.workerMetricsPort) : undefined;
  console.log(`乐业临沂 worker is running (job queue, scheduled jobs)${metricsServer ? `; metrics on port ${config.workerMetricsPort}` : ''}`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: finishing running jobs and shutting down`);
    const timer = setTimeout(() => process.exit(1), 15000).unref();
    try {
      metricsServer?.close();
      await app.close();
    } finally {
      clearTimeout(timer);
      process.exit(0);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

void main();
