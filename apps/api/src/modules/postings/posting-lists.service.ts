import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { FlagPhrase } from '@leye/domain';
import type { Actor } from '../../common/auth/actor.js';
import { DomainEvents } from '../../common/domain-events/domain-events.service.js';
import { notFound, uniqueViolation } from '../../common/errors/app-error.js';
import { PostingErrors } from './posting.exception.js';
import './posting.domain-events.js';

export interface FlagPhraseRow extends FlagPhrase {
  id: string;
  createdAt: Date;
}

export interface UrgentOccupationRow {
  id: string;
  occupationCode: string;
  note: string | null;
  createdAt: Date;
}

/** The two lists organizers maintain: phrases reviewers are warned about, and the urgent-shortage occupations. */
@Injectable()
export class PostingListsService {
  constructor(
    private readonly ds: DataSource,
    private readonly domainEvents: DomainEvents,
  ) {}

  phrases(): Promise<FlagPhraseRow[]> {
    return this.ds.query(`SELECT id, phrase, category, created_at AS "createdAt" FROM posting_flag_phrase ORDER BY category, phrase`);
  }

  async addPhrase(actor: Actor, input: { phrase: string; category: string }): Promise<FlagPhraseRow> {
    const phrase = input.phrase.trim().replace(/\s+/g, ' ');
    if (!phrase.replace(/[\s#]/g, '')) throw PostingErrors.phraseEmpty();
    try {
      return await this.ds.transaction(async (m) => {
        const rows: FlagPhraseRow[] = await m.query(
          `INSERT INTO posting_flag_phrase (phrase, category, created_by) VALUES ($1, $2, $3)
           RETURNING id, phrase, category, created_at AS "createdAt"`,
          [phrase, input.category, actor.id],
        );
        await this.domainEvents.record(m, 'posting.list-changed', { list: 'PHRASES', change: 'ADDED', value: phrase, category: input.category }, { actor });
        return rows[0]!;
      });
    } catch (error) {
      if (uniqueViolation(error) === 'posting_flag_phrase_key') throw PostingErrors.phraseTaken();
      throw error;
    }
  }

  async removePhrase(actor: Actor, id: string): Promise<boolean> {
    return this.ds.transaction(async (m) => {
      const [rows]: [Array<{ phrase: string; category: string }>, number] = await m.query(
        `DELETE FROM posting_flag_phrase WHERE id = $1 RETURNING phrase, category`,
        [id],
      );
      if (!rows[0]) throw notFound('FLAG_PHRASE_NOT_FOUND');
      await this.domainEvents.record(m, 'posting.list-changed', { list: 'PHRASES', change: 'REMOVED', value: rows[0].phrase, category: rows[0].category }, { actor });
      return true;
    });
  }

  urgentOccupations(): Promise<UrgentOccupationRow[]> {
    return this.ds.query(`SELECT id, occupation_code AS "occupationCode", note, created_at AS "createdAt" FROM urgent_occupation ORDER BY occupation_code`);
  }

  async addUrgent(actor: Actor, input: { occupationCode: string; note?: string | null }): Promise<UrgentOccupationRow> {
    try {
      return await this.ds.transaction(async (m) => {
        const rows: UrgentOccupationRow[] = await m.query(
          `INSERT INTO urgent_occupation (occupation_code, note, created_by) VALUES ($1, $2, $3)
           RETURNING id, occupation_code AS "occupationCode", note, created_at AS "createdAt"`,
          [input.occupationCode, input.note?.trim() || null, actor.id],
        );
        await this.domainEvents.record(m, 'posting.list-changed', { list: 'URGENT_OCCUPATIONS', change: 'ADDED', value: input.occupationCode, category: null }, { actor });
        return rows[0]!;
      });
    } catch (error) {
      if (uniqueViolation(error) === 'urgent_occupation_code_key') throw PostingErrors.urgentTaken();
      throw error;
    }
  }

  async removeUrgent(actor: Actor, id: string): Promise<boolean> {
    return this.ds.transaction(async (m) => {
      const [rows]: [Array<{ code: string }>, number] = await m.query(`DELETE FROM urgent_occupation WHERE id = $1 RETURNING occupation_code AS code`, [id]);
      if (!rows[0]) throw notFound('URGENT_OCCUPATION_NOT_FOUND');
      await this.domainEvents.record(m, 'posting.list-changed', { list: 'URGENT_OCCUPATIONS', change: 'REMOVED', value: rows[0].code, category: null }, { actor });
      return true;
    });
  }
}
