import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainEvents } from '../../common/domain-events/domain-events.service.js';
import { ScheduledJob } from '../../common/jobs/scheduled-job.decorator.js';
import { AppConfig } from '../../config/app-config.js';
import { PersonalDataCipher } from '../attendance/personal-data.js';
import './privacy.domain-events.js';

export const REKEY_QUEUE = 'personal-data.rekey';

export interface RekeyResult {
  keyId: string;
  rows: number;
  batches: number;
  /** Rows still under another key: those whose key this process does not hold (named in `unreadableKeyIds`). */
  remaining: number;
  unreadableKeyIds: string[];
}

/**
 * Moves every stored ID number to the current personal-data key (docs/operations.md#key-rotation).
 * Batched: each batch is its own transaction (`FOR UPDATE SKIP LOCKED`, so two runs share the work and a
 * profile being edited is skipped until the next batch), and it rewrites cipher, key id and lookup hash
 * together. Resumable and idempotent: a run picks only rows still under an old key, so a stopped or
 * repeated run continues where the last commit left off and a finished one does nothing.
 * Runs nightly, and on demand through `rekeyPersonalData`.
 */
@Injectable()
export class PersonalDataRekeyJob {
  private readonly logger = new Logger(PersonalDataRekeyJob.name);

  constructor(
    private readonly ds: DataSource,
    private readonly cipher: PersonalDataCipher,
    private readonly config: AppConfig,
    private readonly domainEvents: DomainEvents,
  ) {}

  @ScheduledJob({ name: REKEY_QUEUE, cron: '40 2 * * *' })
  async run(opts: { maxBatches?: number } = {}): Promise<RekeyResult> {
    const current = this.cipher.keyId;
    const old = this.cipher.keyIds.filter((id) => id !== current);
    const batch = this.config.personalDataRekeyBatch;
    let rows = 0;
    let batches = 0;
    while (old.length && (opts.maxBatches === undefined || batches < opts.maxBatches)) {
      const moved = await this.ds.transaction(async (m) => {
        const picked: Array<{ userId: string; cipher: string; keyId: string }> = await m.query(
          `SELECT user_id AS "userId", id_number_cipher AS cipher, id_number_key_id AS "keyId" FROM seeker_resume
            WHERE id_number_key_id = ANY($1::text[]) ORDER BY user_id LIMIT $2 FOR UPDATE SKIP LOCKED`,
          [old, batch],
        );
        if (!picked.length) return 0;
        const ids: string[] = [];
        const ciphers: string[] = [];
        const hashes: string[] = [];
        for (const r of picked) {
          const plain = this.cipher.decrypt(r.cipher, r.keyId);
          ids.push(r.userId);
          ciphers.push(this.cipher.encrypt(plain));
          hashes.push(this.cipher.lookupHash(plain));
        }
        // The key id is set last-writer-safe: only rows still under an old key change (a row re-saved under the
        // current key in the meantime is locked, so this cannot happen inside the batch, but the guard costs nothing).
        const [, n]: [unknown, number] = await m.query(
          `UPDATE seeker_resume s SET id_number_cipher = v.cipher, id_number_key_id = $4, id_number_hmac = v.hmac
             FROM unnest($1::uuid[], $2::text[], $3::text[]) AS v(user_id, cipher, hmac)
            WHERE s.user_id = v.user_id AND s.id_number_key_id <> $4`,
          [ids, ciphers, hashes, current],
        );
        return n;
      });
      if (!moved) break;
      rows += moved;
      batches += 1;
    }
    const remainingRows: Array<{ keyId: string; n: number }> = await this.ds.query(
      `SELECT id_number_key_id AS "keyId", count(*)::int AS n FROM seeker_resume WHERE id_number_key_id IS NOT NULL AND id_number_key_id <> $1 GROUP BY 1`,
      [current],
    );
    const remaining = remainingRows.reduce((sum, r) => sum + r.n, 0);
    const unreadableKeyIds = remainingRows.map((r) => r.keyId).filter((id) => !old.includes(id));
    if (rows) {
      await this.ds.transaction((m) => this.domainEvents.record(m, 'personal-data.rekeyed', { keyId: current, rows, remaining }));
      this.logger.log(`Re-encrypted ${rows} ID numbers under key ${current} in ${batches} batches; ${remaining} remain`);
    }
    if (unreadableKeyIds.length && opts.maxBatches === undefined) {
      // Fails the job so it shows among failed jobs: these rows need their key back in PERSONAL_DATA_OLD_KEYS.
      throw new Error(`ID numbers under key(s) ${unreadableKeyIds.join(', ')} cannot be read: add the key(s) to PERSONAL_DATA_OLD_KEYS`);
    }
    return { keyId: current, rows, batches, remaining, unreadableKeyIds };
  }
}
