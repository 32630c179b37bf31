import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Which co-hosting bodies (协办主体) an event has: set for new and edited events, copied from a series to its occurrences. */
@Injectable()
export class EventCoHosts {
  /** Replaces the co-hosts of these events with this list (an empty list clears them). */
  async set(m: Pick<EntityManager, 'query'>, eventIds: string[], coHostIds: string[]): Promise<void> {
    if (!eventIds.length) return;
    await m.query(`DELETE FROM event_co_host WHERE event_id = ANY($1::uuid[])`, [eventIds]);
    if (coHostIds.length) {
      await m.query(
        `INSERT INTO event_co_host (event_id, co_host_id) SELECT e, c FROM unnest($1::uuid[]) e CROSS JOIN unnest($2::uuid[]) c`,
        [eventIds, [...new Set(coHostIds)]],
      );
    }
  }
}
