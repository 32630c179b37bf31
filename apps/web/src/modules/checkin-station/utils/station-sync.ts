import { isNetworkError, isRefusal, mergeResults, nextBatch, retryDelay, toScanInput, type AttendanceCounts, type ScanResult } from './scan-logic.js';
import type { StationDatabase } from './station-db.js';

export type ScanInputs = ReturnType<typeof toScanInput>[];
export type UploadScans = (eventId: string, scans: ScanInputs) => Promise<{ results: ScanResult[]; counts: AttendanceCounts }>;

export interface SyncState {
  /** An upload is on its way. */
  uploading: boolean;
  /** When the last upload failed on the network (null after one succeeds). */
  lastNetworkFailureAt: number | null;
  /** The last failure that was an answer from the API (refused batch), if any since the last success. */
  lastError: unknown;
  /** Upload attempts failed in a row. */
  failures: number;
}

export interface StationSyncOptions {
  db: StationDatabase;
  eventId: string;
  upload: UploadScans;
  /** Called after every attempt (and with the server's counts after a successful one). */
  onChange?: (state: SyncState, counts: AttendanceCounts | null) => void;
  batchSize?: number;
  now?: () => number;
  /** Timers, injectable for tests. */
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/**
 * Drains one event's upload queue: the oldest pending scans in batches (500, the API's limit), each answer
 * merged into IndexedDB in one write. One drain at a time per page; a failure keeps the scans pending and
 * schedules the next attempt with a growing delay (1 s … 30 s). Uploading the same scan twice is harmless: the
 * API records a scan id once (ALREADY_RECORDED), so a lost answer or a second tab cannot count anyone twice.
 */
export class StationSync {
  private running: Promise<void> | null = null;
  private again = false;
  private timer: unknown = null;
  private stopped = false;
  /** Scans still to upload one by one, after a batch was refused as bad input (to find the one that is). */
  private isolating = 0;
  private readonly state: SyncState = { uploading: false, lastNetworkFailureAt: null, lastError: null, failures: 0 };

  constructor(private readonly options: StationSyncOptions) {}

  get snapshot(): SyncState {
    return { ...this.state };
  }

  /** Uploads everything pending now (joins a drain already running, and runs once more after it). */
  drain(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.cancelTimer();
    this.running = this.run().finally(() => {
      this.running = null;
      if (this.again && !this.stopped && this.state.failures === 0) {
        this.again = false;
        void this.drain();
      }
      this.again = false;
    });
    return this.running;
  }

  /** Stops retrying (the page closed). */
  stop(): void {
    this.stopped = true;
    this.cancelTimer();
  }

  private cancelTimer() {
    if (this.timer !== null) (this.options.clearTimer ?? clearTimeout)(this.timer as ReturnType<typeof setTimeout>);
    this.timer = null;
  }

  private emit(counts: AttendanceCounts | null) {
    this.options.onChange?.(this.snapshot, counts);
  }

  private async run(): Promise<void> {
    const { db, eventId, upload, batchSize = 500 } = this.options;
    const now = this.options.now ?? Date.now;
    for (;;) {
      const batch = nextBatch(await db.pendingScans(eventId), this.isolating > 0 ? 1 : batchSize);
      if (batch.length === 0) {
        this.state.failures = 0;
        this.emit(null);
        return;
      }
      this.state.uploading = true;
      this.emit(null);
      let answer: Awaited<ReturnType<UploadScans>>;
      try {
        answer = await upload(eventId, batch.map(toScanInput));
      } catch (error) {
        this.state.uploading = false;
        if (isRefusal(error)) {
          // One bad scan must not block the queue: upload the batch one by one, and set aside the one refused.
          this.state.lastError = error;
          if (batch.length > 1) {
            this.isolating = batch.length;
          } else {
            this.isolating = Math.max(0, this.isolating - 1);
            await db.scans.put({ ...batch[0]!, state: 'REFUSED', attempts: batch[0]!.attempts + 1 });
          }
          this.emit(null);
          continue;
        }
        this.state.failures += 1;
        if (isNetworkError(error)) {
          this.state.lastNetworkFailureAt = now();
        } else {
          this.state.lastError = error;
        }
        this.emit(null);
        this.schedule();
        return;
      }
      this.state.uploading = false;
      this.state.lastNetworkFailureAt = null;
      if (this.isolating === 0) this.state.lastError = null;
      this.state.failures = 0;
      if (this.isolating > 0) this.isolating -= 1;
      const merged = mergeResults(batch, answer.results);
      await db.scans.bulkPut(merged);
      this.emit(answer.counts);
      // A server that answered for none of the batch would make this loop forever: try again later instead.
      if (!merged.some((s) => s.state === 'SYNCED')) {
        this.state.failures = 1;
        this.schedule();
        return;
      }
    }
  }

  private schedule() {
    if (this.stopped) return;
    this.cancelTimer();
    this.timer = (this.options.setTimer ?? setTimeout)(() => {
      this.timer = null;
      void this.drain();
    }, retryDelay(this.state.failures));
  }
}
