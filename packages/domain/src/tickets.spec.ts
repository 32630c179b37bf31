import { utf8Decode, utf8Encode, base64UrlDecode, base64UrlEncode, parseTicket, signTicket, ticketPublicKey, verifyTicket, type TicketPayload } from './tickets.js';

const seed = (n: number) => new Uint8Array(32).fill(n);
const SECRET = seed(7);
const OTHER_SECRET = seed(9);
const KEYS = { k1: ticketPublicKey(SECRET) };
const PAYLOAD: TicketPayload = { r: '7d0f3c1e-1111-4a2b-8c3d-123456789abc', e: '0b9e8d7c-2222-4f3e-9a1b-abcdef012345', k: 'k1', t: 1765300000 };
const code = signTicket(PAYLOAD, SECRET);
const [prefix, body, sig] = code.split('.') as [string, string, string];
const enc = (o: unknown) => base64UrlEncode(utf8Encode(JSON.stringify(o)));
/** Flips one character of a base64url text to another valid one. */
const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);

describe('tickets', () => {
  it('signs a code in the contract format that verifies with the public key', () => {
    expect(code).toMatch(/^LT1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{86}$/);
    expect(JSON.parse(utf8Decode(base64UrlDecode(body)))).toEqual(PAYLOAD);
    expect(verifyTicket(code, KEYS)).toEqual({ ok: true, payload: PAYLOAD });
    expect(parseTicket(code)).toEqual({ ok: true, payload: PAYLOAD });
  });

  it.each<[string, string, 'MALFORMED' | 'UNKNOWN_KEY' | 'BAD_SIGNATURE']>([
    ['empty', '', 'MALFORMED'],
    ['not a ticket', 'hello', 'MALFORMED'],
    ['wrong version', `LT2.${body}.${sig}`, 'MALFORMED'],
    ['missing signature', `${prefix}.${body}`, 'MALFORMED'],
    ['extra part', `${code}.x`, 'MALFORMED'],
    ['signature too short', `${prefix}.${body}.${sig.slice(0, 40)}`, 'MALFORMED'],
    ['payload not JSON', `${prefix}.${base64UrlEncode(utf8Encode('{nope'))}.${sig}`, 'MALFORMED'],
    ['payload with a bad uuid', `${prefix}.${enc({ ...PAYLOAD, r: 'x' })}.${sig}`, 'MALFORMED'],
    ['payload with an extra field', `${prefix}.${enc({ ...PAYLOAD, admin: true })}.${sig}`, 'MALFORMED'],
    ['payload with a fractional time', `${prefix}.${enc({ ...PAYLOAD, t: 1.5 })}.${sig}`, 'MALFORMED'],
    ['non-canonical base64', `${prefix}.${body}=.${sig}`, 'MALFORMED'],
    ['far too long', `LT1.${'A'.repeat(700)}.${sig}`, 'MALFORMED'],
    ['unknown key id', signTicket({ ...PAYLOAD, k: 'k9' }, SECRET), 'UNKNOWN_KEY'],
    ['prototype key id', signTicket({ ...PAYLOAD, k: 'constructor' }, SECRET), 'UNKNOWN_KEY'],
    ['forged with another secret', signTicket(PAYLOAD, OTHER_SECRET), 'BAD_SIGNATURE'],
    ['registration swapped, old signature', `${prefix}.${enc({ ...PAYLOAD, r: '7d0f3c1e-1111-4a2b-8c3d-123456789abd' })}.${sig}`, 'BAD_SIGNATURE'],
    ['event swapped, old signature', `${prefix}.${enc({ ...PAYLOAD, e: '0b9e8d7c-2222-4f3e-9a1b-abcdef012346' })}.${sig}`, 'BAD_SIGNATURE'],
    ['one signature character altered', `${prefix}.${body}.${flip(sig, 10)}`, 'BAD_SIGNATURE'],
    ['signature of another ticket', `${prefix}.${body}.${signTicket({ ...PAYLOAD, t: 1 }, SECRET).split('.')[2]}`, 'BAD_SIGNATURE'],
  ])('refuses %s', (_name, text, reason) => {
    expect(verifyTicket(text, KEYS)).toEqual({ ok: false, reason });
  });

  it('verifies with any of several published keys (rotation)', () => {
    const k2 = signTicket({ ...PAYLOAD, k: 'k2' }, OTHER_SECRET);
    expect(verifyTicket(k2, { ...KEYS, k2: ticketPublicKey(OTHER_SECRET) }).ok).toBe(true);
    expect(verifyTicket(code, { ...KEYS, k2: ticketPublicKey(OTHER_SECRET) }).ok).toBe(true);
  });

  it('accepts a custom verifier and still refuses when it says no', () => {
    expect(verifyTicket(code, KEYS, () => false)).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
  });

  it('refuses to sign a malformed payload', () => {
    expect(() => signTicket({ ...PAYLOAD, r: 'nope' }, SECRET)).toThrow();
  });

  it('round-trips base64url', () => {
    for (const n of [0, 1, 2, 3, 31, 32, 64]) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 255);
      expect(base64UrlDecode(base64UrlEncode(bytes))).toEqual(bytes);
    }
    expect(() => base64UrlDecode('a+b')).toThrow();
  });
});
