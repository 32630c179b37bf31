import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { RealtimeRedis } from './realtime-redis.js';

type CountListener = (room: string, count: number) => void;

/** How often counts are published and aggregated; an instance that stops is forgotten after INSTANCE_TTL_MS. */
export const PRESENCE_TICK_MS = 1000;
const INSTANCE_TTL_MS = 5000;

/**
 * Who is watching: counts of sockets per counted room (a broadcast's viewers, anonymous ones included),
 * summed over every API instance. Each instance keeps its own counts; with Redis it publishes them once a
 * second into one hash per room (field = instance id) next to a heartbeat key per instance, and sums the
 * fields of live instances, so a crashed instance stops counting within seconds. Without Redis the local
 * count is the total. Listeners get the total of every room this instance has sockets in, once a second,
 * when it changed (the broadcasts gateway emits `live:viewers` to its local sockets and keeps the peak).
 */
@Injectable()
export class Presence implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(Presence.name);
  readonly instanceId = randomUUID();
  private readonly local = new Map<string, number>();
  /** Rooms whose local count changed since the last publish (0 included: the field must be cleared). */
  private readonly dirty = new Set<string>();
  private readonly totals = new Map<string, number>();
  private readonly listeners = new Set<CountListener>();
  private timer?: NodeJS.Timeout;
  private ticking = false;

  constructor(private readonly redis: RealtimeRedis) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.tick(), PRESENCE_TICK_MS).unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    const client = this.redis.enabled ? await this.redis.get() : null;
    if (!client) return;
    const rooms = [...this.local.keys()];
    await Promise.all([
      ...rooms.map((room) => client.hDel(this.redis.key('presence', room), this.instanceId).catch(() => 0)),
      client.del(this.redis.key('instance', this.instanceId)).catch(() => 0),
    ]);
  }

  onCounts(listener: CountListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  join(room: string): void {
    this.local.set(room, (this.local.get(room) ?? 0) + 1);
    this.dirty.add(room);
  }

  leave(room: string): void {
    const n = (this.local.get(room) ?? 0) - 1;
    if (n > 0) this.local.set(room, n);
    else this.local.delete(room);
    this.dirty.add(room);
  }

  localCount(room: string): number {
    return this.local.get(room) ?? 0;
  }

  /** The total over every instance (the local count without Redis). */
  async count(room: string): Promise<number> {
    const client = this.redis.enabled ? await this.redis.get() : null;
    if (!client) return this.localCount(room);
    try {
      await this.publish([room]);
      return (await this.sum([room])).get(room) ?? 0;
    } catch {
      return this.localCount(room); // Redis went away mid-call
    }
  }

  /** Publishes, aggregates and tells the listeners (exposed for tests). */
  async tick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      const client = this.redis.enabled ? await this.redis.get() : null;
      const rooms = [...new Set([...this.local.keys(), ...this.dirty])];
      let totals: Map<string, number>;
      if (client) {
        await this.publish([...this.dirty]);
        await client.set(this.redis.key('instance', this.instanceId), '1', { PX: INSTANCE_TTL_MS });
        totals = await this.sum(rooms);
      } else {
        totals = new Map(rooms.map((room) => [room, this.localCount(room)]));
      }
      this.dirty.clear();
      for (const room of rooms) {
        const total = totals.get(room) ?? 0;
        if (this.totals.get(room) === total) continue;
        if (total === 0 && !this.local.has(room)) this.totals.delete(room);
        else this.totals.set(room, total);
        for (const listener of this.listeners) listener(room, total);
      }
    } catch (error) {
      this.logger.warn(`presence tick failed: ${(error as Error).message}`);
    } finally {
      this.ticking = false;
    }
  }

  private async publish(rooms: string[]): Promise<void> {
    const client = await this.redis.get();
    if (!client || !rooms.length) return;
    const multi = client.multi();
    for (const room of rooms) {
      const key = this.redis.key('presence', room);
      const n = this.localCount(room);
      if (n > 0) multi.hSet(key, this.instanceId, String(n)).pExpire(key, 24 * 3600_000);
      else multi.hDel(key, this.instanceId);
    }
    multi.set(this.redis.key('instance', this.instanceId), '1', { PX: INSTANCE_TTL_MS });
    await multi.exec();
  }

  private async sum(rooms: string[]): Promise<Map<string, number>> {
    const client = await this.redis.get();
    const totals = new Map<string, number>();
    if (!client || !rooms.length) return totals;
    const hashes = await Promise.all(rooms.map((room) => client.hGetAll(this.redis.key('presence', room))));
    const instances = [...new Set(hashes.flatMap((h) => Object.keys(h)))];
    const alive = new Set<string>();
    if (instances.length) {
      const beats = await client.mGet(instances.map((id) => this.redis.key('instance', id)));
      instances.forEach((id, i) => beats[i] && alive.add(id));
    }
    rooms.forEach((room, i) => {
      let total = 0;
      for (const [id, n] of Object.entries(hashes[i])) if (alive.has(id)) total += Number(n) || 0;
      totals.set(room, total);
    });
    return totals;
  }
}
