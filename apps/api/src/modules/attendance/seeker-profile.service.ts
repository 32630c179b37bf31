import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isValidIdNumber, maskIdNumber, type SeekerGroup } from '@leye/domain';
import { badInput, conflict, uniqueViolation } from '../../common/errors/app-error.js';
import type { SeekerProfileInput } from './dtos/attendance.inputs.js';
import { PersonalDataCipher } from './personal-data.js';

export interface SeekerProfileRow {
  realName: string | null;
  mobile: string | null;
  idNumberMasked: string | null;
  education: string | null;
  graduationYear: number | null;
  desiredOccupation: string | null;
  regionCode: string | null;
  groups: SeekerGroup[];
}

const COLUMNS = `real_name AS "realName", mobile, id_number_masked AS "idNumberMasked", education, graduation_year AS "graduationYear",
  intended_occupation AS "desiredOccupation", region_code AS "regionCode", groups`;
const EMPTY: SeekerProfileRow = { realName: null, mobile: null, idNumberMasked: null, education: null, graduationYear: null, desiredOccupation: null, regionCode: null, groups: [] };

/**
 * The seeker profile (docs/attendance.md#seeker-profile): the résumé row of the applications module
 * (`seeker_resume`, one per seeker) with the identity and statistics columns attendance added.
 * Education and desired occupation are the résumé's own fields, so an application snapshots them too.
 * The ID number is kept encrypted (AES-256-GCM), with an HMAC for lookups and a masked copy to show.
 */
@Injectable()
export class SeekerProfileService {
  constructor(
    private readonly ds: DataSource,
    private readonly cipher: PersonalDataCipher,
  ) {}

  async get(userId: string): Promise<SeekerProfileRow> {
    const [row] = await this.ds.query(`SELECT ${COLUMNS} FROM seeker_resume WHERE user_id = $1`, [userId]);
    return row ?? EMPTY;
  }

  /** Fields left out keep their value; null clears one. */
  async update(userId: string, input: SeekerProfileInput): Promise<SeekerProfileRow> {
    const has = (k: keyof SeekerProfileInput) => Object.prototype.hasOwnProperty.call(input, k) && input[k] !== undefined;
    let id: { cipher: string; keyId: string; hmac: string; masked: string } | null = null;
    if (has('idNumber') && input.idNumber != null) {
      const idNumber = input.idNumber.trim().toUpperCase();
      if (!isValidIdNumber(idNumber)) throw badInput({ reason: 'INVALID_ID_NUMBER', message: 'Not a valid resident ID number' }, { idNumber: 'INVALID_ID_NUMBER' });
      id = { cipher: this.cipher.encrypt(idNumber), keyId: this.cipher.keyId, hmac: this.cipher.lookupHash(idNumber), masked: maskIdNumber(idNumber)! };
    }
    if (has('regionCode') && input.regionCode) {
      const [r] = await this.ds.query(`SELECT 1 FROM region WHERE code = $1`, [input.regionCode]);
      if (!r) throw badInput({ reason: 'UNKNOWN_REGION', message: 'Unknown region code' }, { regionCode: 'UNKNOWN_REGION' });
    }
    const sets: string[] = [];
    const params: unknown[] = [userId];
    const set = (column: string, value: unknown) => {
      params.push(value);
      sets.push(`${column} = $${params.length}`);
    };
    if (has('realName')) set('real_name', input.realName?.trim() || null);
    if (has('mobile')) set('mobile', input.mobile ?? null);
    if (has('education')) set('education', input.education ?? null);
    if (has('graduationYear')) set('graduation_year', input.graduationYear ?? null);
    if (has('desiredOccupation')) set('intended_occupation', input.desiredOccupation ?? null);
    if (has('regionCode')) set('region_code', input.regionCode ?? null);
    if (has('groups')) set('groups', input.groups ?? []);
    if (has('idNumber')) {
      set('id_number_cipher', id?.cipher ?? null);
      set('id_number_key_id', id?.keyId ?? null);
      set('id_number_hmac', id?.hmac ?? null);
      set('id_number_masked', id?.masked ?? null);
    }
    const taken = () => conflict({ reason: 'ID_NUMBER_TAKEN', message: 'Another account holds this ID number' }, { fields: { idNumber: 'ID_NUMBER_TAKEN' } });
    if (id && this.cipher.keyIds.length > 1) {
      // A key rotation is under way: the number may still be held under an old key's hash (the unique index
      // covers one hash family only; new numbers are always written under the current key).
      const plain = input.idNumber!.trim().toUpperCase();
      const [holder] = await this.ds.query(`SELECT 1 FROM seeker_resume WHERE id_number_hmac = ANY($1::text[]) AND user_id <> $2 LIMIT 1`, [this.cipher.lookupHashes(plain), userId]);
      if (holder) throw taken();
    }
    try {
      await this.ds.query(`INSERT INTO seeker_resume (user_id) VALUES ($1) ON CONFLICT DO NOTHING`, [userId]);
      if (sets.length) await this.ds.query(`UPDATE seeker_resume SET ${sets.join(', ')}, updated_at = now() WHERE user_id = $1`, params);
    } catch (error) {
      if (uniqueViolation(error) === 'seeker_resume_id_number_hmac_key') {
        throw taken();
      }
      throw error;
    }
    return this.get(userId);
  }

  /** The ID number in full (unmasked exports only). */
  decryptIdNumber(cipher: string | null, keyId: string | null): string | null {
    return cipher && keyId ? this.cipher.decrypt(cipher, keyId) : null;
  }
}
