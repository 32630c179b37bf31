import { Injectable } from '@nestjs/common';
import { createPublicKey, verify as nodeVerify, type KeyObject } from 'node:crypto';
import { base64UrlDecode, base64UrlEncode, signTicket, ticketPublicKey, verifyTicket, type SignatureVerifier, type TicketCheck } from '@leye/domain';
import { AppConfig } from '../../config/app-config.js';

/** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410): the 32 raw key bytes follow. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/**
 * The ticket signing key (config TICKET_SIGNING_KEY, a 32-byte Ed25519 seed) and its public half.
 * Gate devices receive only `publicKeys`; the seed never leaves the API. Verification on the server
 * goes through node:crypto (native, ~20× faster than the pure-JS default) with the shared format check.
 */
@Injectable()
export class TicketKeys {
  private secret: Uint8Array | null = null;
  private publicRaw: Uint8Array | null = null;
  private readonly keyObjects = new WeakMap<Uint8Array, KeyObject>();

  constructor(private readonly config: AppConfig) {}

  get keyId(): string {
    return this.config.ticketKeyId;
  }

  private seed(): Uint8Array {
    if (!this.secret) {
      if (!this.config.ticketSigningKey) throw new Error('No ticket signing key: load the configuration with loadRuntimeConfig()');
      this.secret = base64UrlDecode(this.config.ticketSigningKey);
      this.publicRaw = ticketPublicKey(this.secret);
    }
    return this.secret;
  }

  /** key id → raw public key. */
  publicKeys(): Record<string, Uint8Array> {
    this.seed();
    return { [this.keyId]: this.publicRaw! };
  }

  /** key id → base64url public key, as published to stations. */
  publishedKeys(): Array<{ keyId: string; publicKey: string }> {
    return Object.entries(this.publicKeys()).map(([keyId, key]) => ({ keyId, publicKey: base64UrlEncode(key) }));
  }

  /** The code of one registration: deterministic (Ed25519), so showing it twice shows the same code. */
  sign(registrationId: string, targetId: string, issuedAt: Date): string {
    return signTicket({ r: registrationId, e: targetId, k: this.keyId, t: Math.floor(issuedAt.getTime() / 1000) }, this.seed());
  }

  private readonly verifier: SignatureVerifier = (signature, message, publicKey) => nodeVerify(null, message, this.keyObject(publicKey), signature);

  verify(code: string): TicketCheck {
    return verifyTicket(code, this.publicKeys(), this.verifier);
  }

  /** Genuine codes seen lately (exact code → its payload): a re-entry or a retried upload is not verified again. */
  private readonly verified = new Map<string, TicketCheck>();

  /**
   * Like `verify`, with the signature checked off the event loop (node:crypto's asynchronous verify runs in
   * libuv's thread pool), so the scan route's HTTP work and the verifications use several cores. The format
   * and key checks are the shared `verifyTicket`'s (it hands the signature to the capturing verifier).
   */
  async verifyAsync(code: string): Promise<TicketCheck> {
    const hit = this.verified.get(code);
    if (hit) return hit;
    let pending: { signature: Uint8Array; message: Uint8Array; key: KeyObject } | null = null;
    const check = verifyTicket(code, this.publicKeys(), (signature, message, publicKey) => {
      pending = { signature, message, key: this.keyObject(publicKey) };
      return true;
    });
    if (!check.ok || !pending) return check;
    const { signature, message, key } = pending;
    const ok = await new Promise<boolean>((resolve) => nodeVerify(null, message, key, signature, (error, valid) => resolve(!error && valid)));
    if (!ok) return { ok: false, reason: 'BAD_SIGNATURE' };
    if (this.verified.size >= 20_000) this.verified.clear();
    this.verified.set(code, check);
    return check;
  }

  private keyObject(publicKey: Uint8Array): KeyObject {
    let key = this.keyObjects.get(publicKey);
    if (!key) {
      key = createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, publicKey]), format: 'der', type: 'spki' });
      this.keyObjects.set(publicKey, key);
    }
    return key;
  }
}
