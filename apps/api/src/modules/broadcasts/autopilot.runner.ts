import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { BroadcastLiveService } from './broadcast-live.service.js';

/** Key of the PostgreSQL advisory lock that makes one API instance the autopilot runner. */
export const AUTOPILOT_LOCK_KEY = 726_150_012;
const STEP_MS = 1000;
const RETRY_LOCK_MS = 5000;

/**
 * Runs autopilot (docs/livestream.md#autopilot): one instance at a time holds a session-level advisory lock
 * on a dedicated connection and steps every second; the others try again every 5 s and take over within
 * seconds when the holder stops or dies (its connection closes, PostgreSQL releases the lock). The state —
 * the current card, when the next one is due — is in the `broadcast` row, so a restart resumes where it
 * stopped, and each step is one conditional UPDATE per due broadcast, so a rotation cannot happen twice even
 * if two runners overlapped.
 */
@Injectable()
export class AutopilotRunner implements BeforeApplicationShutdown {
  private readonly logger = new Logger(AutopilotRunner.name);
  private client?: PoolClient;
  /** Takes the lock connection's error listener off (before the connection goes back to the pool). */
  private offError?: () => void;
  private timer?: NodeJS.Timeout;
  private stopped = true;
  private stepping?: Promise<unknown>;
  /** Steps this runner has run (tests). */
  steps = 0;

  constructor(
    private readonly ds: DataSource,
    private readonly live: BroadcastLiveService,
  ) {}

  get leading(): boolean {
    return !!this.client;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.loop(), ms).unref();
  }

  private async loop(): Promise<void> {
    if (this.stopped) return;
    try {
      if (!this.client && !(await this.acquire())) return this.schedule(RETRY_LOCK_MS);
      this.stepping = this.live.autopilotStep();
      await this.stepping;
      this.steps += 1;
    } catch (error) {
      this.logger.warn(`autopilot step failed: ${(error as Error).message}`);
    } finally {
      this.stepping = undefined;
    }
    this.schedule(STEP_MS);
  }

  private async acquire(): Promise<boolean> {
    const pool = (this.ds.driver as unknown as { master: Pool }).master;
    const client = await pool.connect();
    try {
      const [{ locked }] = (await client.query(`SELECT pg_try_advisory_lock($1) AS locked`, [AUTOPILOT_LOCK_KEY])).rows;
      if (!locked) {
        client.release();
        return false;
      }
      // Released once: here when its connection breaks while we hold it, or in stop(), which takes this listener off
      // (a released client goes back to the pool, and a later error there must not release it again: that threw
      // "Release called on client which has already been released", an uncaught exception).
      const onError = (error: Error) => {
        client.off('error', onError);
        this.logger.warn(`autopilot lost its lock connection: ${error.message}`);
        if (this.client !== client) return;
        this.client = undefined;
        this.offError = undefined;
        client.release(error);
      };
      client.on('error', onError);
      this.offError = () => client.off('error', onError);
      this.client = client;
      this.logger.log('this instance runs autopilot');
      return true;
    } catch (error) {
      client.release(error as Error);
      throw error;
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.stepping?.catch(() => undefined);
    const client = this.client;
    this.client = undefined;
    if (!client) return;
    await client.query(`SELECT pg_advisory_unlock($1)`, [AUTOPILOT_LOCK_KEY]).catch(() => undefined);
    this.offError?.();
    this.offError = undefined;
    client.release();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }
}
