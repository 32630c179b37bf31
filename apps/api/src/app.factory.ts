import { fileURLToPath } from 'node:url';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/app-config.js';
import { RealtimeIoAdapter } from './common/realtime/redis-io.adapter.js';
import { Metrics } from './common/metrics/metrics.js';
import { serveWebApp } from './modules/web/web-app.js';
import { mediaOrigins, securityHeaders } from './modules/web/security-headers.js';

export const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

export class PendingMigrationsError extends Error {
  constructor() {
    super('The database has pending migrations. Run `npm run migrate` first (npm start does it for you).');
  }
}

/** Builds the Nest application (used by main.ts and by the API tests, so both run the same app). */
export async function createApp(
  config: AppConfig,
  databaseUrl: string,
  opts: { bufferLogs?: boolean; logStream?: DestinationStream } = {},
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, databaseUrl, { logStream: opts.logStream }), {
    bufferLogs: opts.bufferLogs ?? true,
  });
  app.useLogger(app.get(Logger));
  const metrics = app.get(Metrics);
  app.use(metrics.httpMiddleware());
  app.set('trust proxy', config.trustProxy.split(',').map((s) => s.trim()).filter(Boolean));
  // 1 MB: an offline check-in station uploads up to 500 scans at once (~180 kB); larger bodies are refused with 413.
  app.useBodyParser('json', { limit: '1mb' });
  app.disable('x-powered-by');
  app.use(securityHeaders({ allowApolloSandbox: !config.isProduction, mediaOrigins: mediaOrigins(config) }));
  if (await app.get(DataSource).showMigrations()) {
    await app.close();
    throw new PendingMigrationsError();
  }
  // Always our adapter (it counts connections for /metrics); it shares rooms through Redis when REDIS_URL is set.
  const adapter = new RealtimeIoAdapter(app, metrics);
  if (config.redisUrl) await adapter.connect(config.redisUrl, config.redisKeyPrefix);
  app.useWebSocketAdapter(adapter);
  serveWebApp(app, config.webDistDir ?? DEFAULT_WEB_DIST);
  return app;
}
