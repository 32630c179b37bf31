import { Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { AppConfig } from '../../config/app-config.js';

interface DerivedKey {
  enc: Buffer;
  mac: Buffer;
}

function derive(base64url: string): DerivedKey {
  const master = Buffer.from(base64url, 'base64url');
  return {
    enc: Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'leye id-number encryption', 32)),
    mac: Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'leye id-number lookup', 32)),
  };
}

/**
 * Resident ID numbers at rest: AES-256-GCM with a key from config (PERSONAL_DATA_KEY, its id
 * PERSONAL_DATA_KEY_ID stored beside each ciphertext and bound as AAD), plus an HMAC-SHA256
 * (a second key derived from the same secret) so a number can be looked up without decrypting.
 * Ciphertext text: base64url(iv 12 bytes ‖ tag 16 bytes ‖ ciphertext).
 *
 * Rotation (docs/operations.md#key-rotation): earlier keys stay readable through PERSONAL_DATA_OLD_KEYS
 * (`id:key,…`). The lookup hash belongs to the key that encrypted the row (`id_number_key_id`), so it
 * rotates with it: the re-encryption job rewrites cipher, key id and hash together, and while old rows
 * remain, lookups and the one-number-one-account check use the hashes under every loaded key.
 */
@Injectable()
export class PersonalDataCipher {
  private keys: Map<string, DerivedKey> | null = null;

  constructor(private readonly config: AppConfig) {}

  get keyId(): string {
    return this.config.personalDataKeyId;
  }

  /** Every loaded key id, the current one first. */
  get keyIds(): string[] {
    return [...this.loaded().keys()];
  }

  private loaded(): Map<string, DerivedKey> {
    if (!this.keys) {
      if (!this.config.personalDataKey) throw new Error('No personal data key: load the configuration with loadRuntimeConfig()');
      const keys = new Map<string, DerivedKey>([[this.keyId, derive(this.config.personalDataKey)]]);
      for (const pair of this.config.personalDataOldKeys?.split(',') ?? []) {
        const [id, key] = pair.split(':') as [string, string];
        if (!keys.has(id)) keys.set(id, derive(key));
      }
      this.keys = keys;
    }
    return this.keys;
  }

  private key(keyId: string): DerivedKey {
    const key = this.loaded().get(keyId);
    if (!key) throw new Error(`Personal data key ${keyId} is not loaded (PERSONAL_DATA_KEY / PERSONAL_DATA_OLD_KEYS)`);
    return key;
  }

  /** Encrypts under the current key. */
  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key(this.keyId).enc, iv);
    cipher.setAAD(Buffer.from(this.keyId));
    const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64url');
  }

  /** Decrypts under the key the row names (current or old). */
  decrypt(text: string, keyId: string): string {
    const raw = Buffer.from(text, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', this.key(keyId).enc, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(keyId));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  /** The lookup hash stored with a new ciphertext (current key). */
  lookupHash(plain: string, keyId = this.keyId): string {
    return createHmac('sha256', this.key(keyId).mac).update(plain).digest('base64url');
  }

  /** The number's hash under every loaded key: what a lookup searches while a rotation is under way. */
  lookupHashes(plain: string): string[] {
    return this.keyIds.map((id) => this.lookupHash(plain, id));
  }
}
