import { ed25519 } from '@noble/curves/ed25519.js';

/**
 * Entry tickets (入场码): what a registration's QR code holds, signed with Ed25519 so a gate device
 * verifies it with the public key alone and never holds the secret (docs/attendance.md).
 *
 * Code text: `LT1.<payload>.<signature>`; payload = base64url of the UTF-8 JSON
 * `{"r":"<registration id>","e":"<event or series id>","k":"<key id>","t":<issued, unix seconds>}`,
 * signature = base64url Ed25519 signature over the ASCII bytes of `LT1.<payload>`.
 * Browser-safe: no Node built-ins.
 */
// Globals of every browser and of Node ≥ 16; declared here because the package compiles without DOM or Node types.
declare const btoa: (data: string) => string;
declare const atob: (data: string) => string;
declare class TextEncoder {
  encode(input: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label: string, options: { fatal: boolean });
  decode(input: Uint8Array): string;
}

export const TICKET_PREFIX = 'LT1';
/** Longest code accepted (a normal one is ~230 characters): a guard against hostile input. */
export const TICKET_MAX_LENGTH = 600;

export interface TicketPayload {
  /** Registration id. */
  r: string;
  /** The event (or, for a class, the series) the registration is for. */
  e: string;
  /** Id of the signing key (for rotation). */
  k: string;
  /** Issued at, unix seconds. */
  t: number;
}

export type TicketParse = { ok: true; payload: TicketPayload } | { ok: false; reason: 'MALFORMED' };
export type TicketCheck = { ok: true; payload: TicketPayload } | { ok: false; reason: 'MALFORMED' | 'UNKNOWN_KEY' | 'BAD_SIGNATURE' };
/** Checks an Ed25519 signature; the default is @noble/curves (the API passes node:crypto's, which is faster). */
export type SignatureVerifier = (signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array) => boolean;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const B64URL = /^[A-Za-z0-9_-]*$/;
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

export function base64UrlEncode(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Decodes base64url (no padding); throws on anything else. */
export function base64UrlDecode(text: string): Uint8Array {
  if (!B64URL.test(text) || text.length % 4 === 1) throw new Error('not base64url');
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  // Canonical encodings only: the same ticket has exactly one text.
  if (base64UrlEncode(out) !== text) throw new Error('not canonical base64url');
  return out;
}

export const utf8Encode = (s: string): Uint8Array => new TextEncoder().encode(s);
export const utf8Decode = (b: Uint8Array): string => new TextDecoder('utf-8', { fatal: true }).decode(b);
const ascii = utf8Encode;

function isPayload(v: unknown): v is TicketPayload {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  const p = v as Record<string, unknown>;
  return (
    Object.keys(p).length === 4 &&
    typeof p.r === 'string' && UUID.test(p.r) &&
    typeof p.e === 'string' && UUID.test(p.e) &&
    typeof p.k === 'string' && KEY_ID.test(p.k) &&
    typeof p.t === 'number' && Number.isSafeInteger(p.t) && p.t >= 0
  );
}

/** The public key of a 32-byte Ed25519 secret (seed). */
export function ticketPublicKey(secretKey: Uint8Array): Uint8Array {
  return ed25519.getPublicKey(secretKey);
}

export function signTicket(payload: TicketPayload, secretKey: Uint8Array): string {
  if (!isPayload(payload)) throw new Error('Invalid ticket payload');
  const body = `${TICKET_PREFIX}.${base64UrlEncode(ascii(JSON.stringify({ r: payload.r, e: payload.e, k: payload.k, t: payload.t })))}`;
  return `${body}.${base64UrlEncode(ed25519.sign(ascii(body), secretKey))}`;
}

interface Split {
  payload: TicketPayload;
  signed: string;
  signature: Uint8Array;
}

function split(code: unknown): Split | null {
  if (typeof code !== 'string' || code.length > TICKET_MAX_LENGTH) return null;
  const parts = code.trim().split('.');
  if (parts.length !== 3 || parts[0] !== TICKET_PREFIX) return null;
  try {
    const json = utf8Decode(base64UrlDecode(parts[1]!));
    const payload: unknown = JSON.parse(json);
    const signature = base64UrlDecode(parts[2]!);
    if (!isPayload(payload) || signature.length !== 64) return null;
    return { payload, signed: `${parts[0]}.${parts[1]}`, signature };
  } catch {
    return null;
  }
}

/** Reads a code without checking its signature (e.g. to show what a refused code claims). */
export function parseTicket(code: string): TicketParse {
  const s = split(code);
  return s ? { ok: true, payload: s.payload } : { ok: false, reason: 'MALFORMED' };
}

const nobleVerify: SignatureVerifier = (signature, message, publicKey) => {
  try {
    return ed25519.verify(signature, message, publicKey);
  } catch {
    return false;
  }
};

/** Checks a code against the published public keys (key id → 32-byte public key). */
export function verifyTicket(code: string, publicKeys: Record<string, Uint8Array>, verify: SignatureVerifier = nobleVerify): TicketCheck {
  const s = split(code);
  if (!s) return { ok: false, reason: 'MALFORMED' };
  const key = Object.prototype.hasOwnProperty.call(publicKeys, s.payload.k) ? publicKeys[s.payload.k] : undefined;
  if (!key) return { ok: false, reason: 'UNKNOWN_KEY' };
  return verify(s.signature, ascii(s.signed), key) ? { ok: true, payload: s.payload } : { ok: false, reason: 'BAD_SIGNATURE' };
}
