import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { DataSource, type EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config.js';

export type JobHandler<T = unknown> = (data: T, job: { id: string; name: string; retryCount: number }) => Promise<unknown>;

export interface QueueOptions {
  /** Attempts after the first failure; each waits about twice as long as the last (1 s, 2 s, 4 s …). */
  retryLimit?: number;
  /** Five-field cron in Asia/Shanghai: the job is also scheduled (when SCHEDULED_JOBS is on). */
  cron?: string;
}

/** When a job may start, and a key that keeps one queued job per key (pg-boss singletons). */
export interface SendOptions {
  /** Delayed job: not fetched before this moment (a hold's or an offer's expiry). */
  startAfter?: Date;
  singletonKey?: string;
}

/** Told of every job this process worked: its queue, how long it ran, and whether it completed. */
export type JobObserver = (queue: string, seconds: number, outcome: 'completed' | 'failed') => void;

export interface FailedJob {
  id: string;
  name: string;
  error: string;
  attempts: number;
  createdAt: Date;
  failedAt: Date | null;
}

/** The business calendar's zone: cron schedules read as Linyi wall time. */
export const SCHEDULE_TIME_ZONE = 'Asia/Shanghai';
const DEFAULT_RETRY_LIMIT = 5;
const BATCH_SIZE = 10;
/** How long shutdown waits for the jobs being worked to finish; unfinished ones are retried once they expire. */
const SHUTDOWN_WAIT_MS = 10_000;
/** How long a job's outcome is retried while the database is away. */
const RECORD_RETRY_MS = 60_000;
const FAILED_JOB_SELECT = `SELECT id, name, coalesce(output->>'message', output->'value'->>'message', output::text, '') AS error, retry_count + 1 AS attempts,
       created_on AS "createdAt", completed_on AS "failedAt"
  FROM pgboss.job WHERE state = 'failed'`;

/**
 * The durable job queue (pg-boss, in the `pgboss` schema of our own database). Every process
 * registers every handler; only processes with RUN_WORKERS fetch jobs, so an API instance can
 * enqueue (and an admin can retry) without working. Stops gracefully before the pool closes.
 */
@Injectable()
export class JobQueue implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(JobQueue.name);
  private readonly handlers = new Map<string, { handler: JobHandler<any>; options: QueueOptions }>();
  private boss?: PgBoss;
  private started = false;
  private stopping = false;
  private readonly loops: Array<Promise<void>> = [];
  private readonly sleepers = new Set<() => void>();
  private readonly observers: JobObserver[] = [];

  constructor(
    private readonly config: AppConfig,
    private readonly ds: DataSource,
  ) {}

  /** Declares a queue and its handler; call before the application has bootstrapped (e.g. in onModuleInit). */
  register<T>(name: string, handler: JobHandler<T>, options: QueueOptions = {}): void {
    if (this.started) throw new Error(`Queue ${name} registered after the job queue started`);
    if (this.handlers.has(name)) throw new Error(`Queue ${name} is registered twice`);
    this.handlers.set(name, { handler, options });
  }

  get queueNames(): string[] {
    return [...this.handlers.keys()];
  }

  async onApplicationBootstrap(): Promise<void> {
    const url = (this.ds.options as { url?: string }).url;
    this.boss = new PgBoss({
      connectionString: url,
      max: 4,
      application_name: 'leye-jobs',
      // Maintenance and cron only where jobs are worked; the queue tables come from our migration.
      supervise: this.config.runWorkers,
      schedule: this.config.runWorkers && this.config.scheduledJobs,
      retentionDays: 14,
      // Failed jobs stay in the job table (listed to admins, retryable) for 30 days before pg-boss archives them.
      archiveFailedAfterSeconds: 30 * 86_400,
    });
    this.boss.on('error', (error: Error) => this.logger.error(`job queue: ${error.message}`));
    await this.boss.start();
    await this.createQueues();
    this.started = true;
    if (!this.config.runWorkers) return;
    for (const [name, { handler, options }] of this.handlers) {
      this.loops.push(this.workLoop(name, handler));
      if (options.cron && this.config.scheduledJobs) await this.boss.schedule(name, options.cron, {}, { tz: SCHEDULE_TIME_ZONE });
    }
  }

  /**
   * Makes the queues this process handles that do not exist yet. pg-boss creates a table partition per queue (DDL), and
   * several processes starting at once on a new database (API instances and workers) can deadlock doing it: the
   * loser retries (40P01, a few times), and queues that exist are not created again.
   */
  private async createQueues(): Promise<void> {
    const boss = this.requireBoss();
    const existing = new Set((await boss.getQueues()).map((q: { name: string }) => q.name));
    for (const [name, { options }] of this.handlers) {
      if (existing.has(name)) continue;
      for (let attempt = 1; ; attempt++) {
        try {
          await boss.createQueue(name, { name, retryLimit: options.retryLimit ?? DEFAULT_RETRY_LIMIT, retryDelay: 1, retryBackoff: true });
          break;
        } catch (error) {
          if ((error as { code?: string }).code !== '40P01' || attempt >= 5) throw error;
          await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100));
        }
      }
    }
  }

  /** Tells `observer` of every job this process works (metrics). */
  observe(observer: JobObserver): void {
    this.observers.push(observer);
  }

  /**
   * Works one queue: fetches a batch, runs its jobs one by one, completes or fails each, and polls again. Our loop
   * rather than pg-boss's `work()`, whose pg-boss 10 completes or fails a batch without awaiting it: a database
   * outage at that moment was an unhandled rejection, which ends a Node process (test/faults.e2e-spec.ts). Here
   * every database call is awaited; a job's outcome is written again while the database is away (`record`), and
   * one that still could not be written stays active and pg-boss retries it when it expires (on another worker if
   * this one stopped). On shutdown the loop finishes the batch it fetched and fetches no more.
   */
  private async workLoop(name: string, handler: JobHandler<any>): Promise<void> {
    while (!this.stopping) {
      let jobs: Array<PgBoss.JobWithMetadata<unknown>> = [];
      try {
        jobs = (await this.boss!.fetch(name, { batchSize: BATCH_SIZE, includeMetadata: true })) ?? [];
      } catch (error) {
        if (!this.stopping) this.logger.warn(`job queue ${name}: fetching failed: ${(error as Error).message}`);
      }
      for (const job of jobs) await this.runJob(name, handler, job);
      if (jobs.length < BATCH_SIZE) await this.pause(this.config.jobPollIntervalMs);
    }
  }

  private async runJob(name: string, handler: JobHandler<any>, job: PgBoss.JobWithMetadata<unknown>): Promise<void> {
    const started = process.hrtime.bigint();
    let outcome: 'completed' | 'failed' = 'completed';
    try {
      await handler(job.data, { id: job.id, name, retryCount: job.retryCount });
    } catch (error) {
      outcome = 'failed';
      const e = error as Error;
      this.logger.warn(`job ${name} ${job.id} failed (attempt ${job.retryCount + 1}): ${e.message}`);
      await this.record(`job ${name} ${job.id}: its failure`, () => this.boss!.fail(name, job.id, { message: e.message, stack: e.stack }));
    }
    if (outcome === 'completed') await this.record(`job ${name} ${job.id}: its completion`, () => this.boss!.complete(name, job.id));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    for (const observe of this.observers) {
      try {
        observe(name, seconds, outcome);
      } catch (error) {
        this.logger.warn(`job observer failed: ${(error as Error).message}`);
      }
    }
  }

  /**
   * Writes a job's outcome, trying again (0.2 s … 2 s apart, for up to a minute) while the database is away: a job
   * left active would wait for its expiry (15 min) before anyone retried it. Given up then, it is logged; the job
   * is retried once it expires (its handlers are idempotent: docs/jobs.md).
   */
  private async record(what: string, write: () => Promise<unknown>): Promise<void> {
    const deadline = Date.now() + RECORD_RETRY_MS;
    for (let attempt = 0; ; attempt++) {
      try {
        await write();
        if (attempt > 0) this.logger.log(`${what} recorded after ${attempt} retr${attempt === 1 ? 'y' : 'ies'}`);
        return;
      } catch (error) {
        if (Date.now() > deadline) {
          this.logger.warn(`${what} could not be recorded (${(error as Error).message}); retried when it expires`);
          return;
        }
        if (attempt === 0) this.logger.warn(`${what} could not be recorded yet (${(error as Error).message}); trying again`);
        await new Promise((r) => setTimeout(r, Math.min(200 * 2 ** attempt, 2000)));
      }
    }
  }

  /** Waits `ms`, or less when shutdown starts. */
  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.sleepers.add(wake);
    });
  }

  /** Stop fetching, let the fetched jobs finish (up to 10 s), then close the queue's connections. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    for (const wake of [...this.sleepers]) wake();
    let timer: NodeJS.Timeout | undefined;
    const waited = await Promise.race([
      Promise.all(this.loops).then(() => true),
      new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), SHUTDOWN_WAIT_MS))),
    ]);
    clearTimeout(timer);
    if (!waited) this.logger.warn(`jobs still running after ${SHUTDOWN_WAIT_MS} ms: they are retried once they expire`);
    await this.boss?.stop({ graceful: true, wait: true, timeout: SHUTDOWN_WAIT_MS });
  }

  /**
   * Enqueues a job. With `manager` (inside `ds.transaction`) the job row is written in that
   * transaction: it exists only if the change commits, and no worker sees it before.
   */
  async send(name: string, data: object, manager?: EntityManager, options: SendOptions = {}): Promise<string> {
    if (!this.handlers.has(name)) throw new Error(`Unknown queue ${name}`);
    const boss = this.requireBoss();
    const db = manager?.queryRunner ? { executeSql: async (text: string, values: unknown[]) => ({ rows: (await manager.queryRunner!.query(text, values, true)).records }) } : undefined;
    const sendOptions = {
      ...(db ? { db } : {}),
      ...(options.startAfter ? { startAfter: options.startAfter } : {}),
      ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
    };
    const id = await boss.send(name, data, sendOptions);
    if (!id) throw new Error(`Queue ${name} did not accept the job`);
    return id;
  }

  /** Runs a queue's handler at once in this process, outside the queue (tests, admin tools). */
  async runNow<T>(name: string, data: T = {} as T): Promise<unknown> {
    const entry = this.handlers.get(name);
    if (!entry) throw new Error(`Unknown queue ${name}`);
    return entry.handler(data, { id: 'direct', name, retryCount: 0 });
  }

  /** Jobs that used up their retries, newest first. */
  async failedJobs(take: number, skip: number): Promise<{ items: FailedJob[]; total: number }> {
    const names = this.queueNames;
    const items: FailedJob[] = await this.ds.query(`${FAILED_JOB_SELECT} AND name = ANY($1::text[]) ORDER BY completed_on DESC NULLS LAST, id LIMIT $2 OFFSET $3`, [names, take, skip]);
    const [{ n }] = await this.ds.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE state = 'failed' AND name = ANY($1::text[])`, [names]);
    return { items, total: n };
  }

  async failedJob(id: string): Promise<FailedJob | undefined> {
    const [job]: FailedJob[] = await this.ds.query(`${FAILED_JOB_SELECT} AND id = $1`, [id]);
    return job;
  }

  /** Puts a failed job back in line; false when no failed job has that id. */
  async retry(id: string): Promise<boolean> {
    const [row]: Array<{ name: string }> = await this.ds.query(`SELECT name FROM pgboss.job WHERE id = $1 AND state = 'failed'`, [id]);
    if (!row) return false;
    await this.requireBoss().retry(row.name, id);
    return true;
  }

  private requireBoss(): PgBoss {
    if (!this.boss) throw new Error('The job queue has not started yet');
    return this.boss;
  }
}
