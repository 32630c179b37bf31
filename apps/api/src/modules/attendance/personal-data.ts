import { Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { AppConfig } from '../../config/app-config.js';

/**
 * Resident ID numbers at rest: AES-256-GCM with a key from config (PERSONAL_DATA_KEY, its id
 * PERSONAL_DATA_KEY_ID stored beside each ciphertext so keys can be rotated), plus an HMAC-SHA256
 * (a second key derived from the same secret) so a number can be looked up without decrypting.
 * Ciphertext text: base64url(iv 12 bytes ‖ tag 16 bytes ‖ ciphertext).
 */
@Injectable()
export class PersonalDataCipher {
  private keys: { enc: Buffer; mac: Buffer } | null = null;

  constructor(private readonly config: AppConfig) {}

  get keyId(): string {
    return this.config.personalDataKeyId;
  }

  private derived(): { enc: Buffer; mac: Buffer } {
    if (!this.keys) {
      if (!this.config.personalDataKey) throw new Error('No personal data key: load the configuration with loadRuntimeConfig()');
      const master = Buffer.from(this.config.personalDataKey, 'base64url');
      this.keys = {
        enc: Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'leye id-number encryption', 32)),
        mac: Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'leye id-number lookup', 32)),
      };
    }
    return this.keys;
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.derived().enc, iv);
    cipher.setAAD(Buffer.from(this.keyId));
    const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64url');
  }

  decrypt(text: string, keyId: string): string {
    if (keyId !== this.keyId) throw new Error(`Personal data key ${keyId} is not loaded`);
    const raw = Buffer.from(text, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', this.derived().enc, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(keyId));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  lookupHash(plain: string): string {
    return createHmac('sha256', this.derived().mac).update(plain).digest('base64url');
  }
}
