import { Injectable, Logger, type BeforeApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';

const FLUSH_MS = 10_000;

interface Watch {
  broadcastId: string;
  viewerKey: string;
  userId: string | null;
  since: number;
}

/**
 * Unique viewers and watch time: one `broadcast_viewer` row per broadcast and viewer key (the page keeps its
 * key in localStorage, so reconnects and reloads count once). Joins and watch seconds are gathered in memory
 * and written every 10 s in one statement (a 5,000-viewer join is not 5,000 round trips), and on leave.
 */
@Injectable()
export class ViewerLedger implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(ViewerLedger.name);
  private readonly watching = new Map<string, Watch>();
  private readonly pending = new Map<string, { broadcastId: string; viewerKey: string; userId: string | null; seconds: number }>();
  private timer?: NodeJS.Timeout;

  constructor(private readonly ds: DataSource) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.flush(), FLUSH_MS).unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    for (const id of [...this.watching.keys()]) this.leave(id);
    await this.flush();
  }

  /** `id`: socket id + broadcast id. */
  join(id: string, broadcastId: string, viewerKey: string, userId: string | null): void {
    if (this.watching.has(id)) return;
    this.watching.set(id, { broadcastId, viewerKey, userId, since: Date.now() });
    this.add(broadcastId, viewerKey, userId, 0);
  }

  leave(id: string): void {
    const w = this.watching.get(id);
    if (!w) return;
    this.watching.delete(id);
    this.add(w.broadcastId, w.viewerKey, w.userId, (Date.now() - w.since) / 1000);
  }

  private add(broadcastId: string, viewerKey: string, userId: string | null, seconds: number): void {
    const key = `${broadcastId}|${viewerKey}`;
    const p = this.pending.get(key);
    if (p) {
      p.seconds += seconds;
      p.userId ??= userId;
    } else this.pending.set(key, { broadcastId, viewerKey, userId, seconds });
  }

  async flush(): Promise<void> {
    const now = Date.now();
    for (const w of this.watching.values()) {
      this.add(w.broadcastId, w.viewerKey, w.userId, (now - w.since) / 1000);
      w.since = now;
    }
    if (!this.pending.size) return;
    const rows = [...this.pending.values()];
    this.pending.clear();
    try {
      await this.ds.query(
        `INSERT INTO broadcast_viewer (broadcast_id, viewer_key, user_id, watch_seconds)
         SELECT t.b, t.k, t.u, t.s FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::int[]) AS t(b, k, u, s)
           JOIN broadcast ON broadcast.id = t.b
         ON CONFLICT (broadcast_id, viewer_key) DO UPDATE SET watch_seconds = broadcast_viewer.watch_seconds + EXCLUDED.watch_seconds,
           last_seen_at = now(), user_id = COALESCE(broadcast_viewer.user_id, EXCLUDED.user_id)`,
        [rows.map((r) => r.broadcastId), rows.map((r) => r.viewerKey), rows.map((r) => r.userId), rows.map((r) => Math.round(r.seconds))],
      );
    } catch (error) {
      this.logger.warn(`cannot record viewers: ${(error as Error).message}`);
    }
  }
}
