import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module.js';
import { ConfigError, loadConfig } from './config/app-config.js';
import { PendingMigrationsError } from './app.factory.js';

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
  console.log('乐业临沂 worker is running (job queue, scheduled jobs)');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: finishing running jobs and shutting down`);
    const timer = setTimeout(() => process.exit(1), 15000).unref();
    try {
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
