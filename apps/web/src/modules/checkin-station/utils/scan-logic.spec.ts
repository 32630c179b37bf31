import { describe, expect, it } from '@jest/globals';
import {
  admittedSet,
  conflictList,
  connectivity,
  decideCode,
  decideRegistrationId,
  isNetworkError,
  isRefusal,
  isRepeatRead,
  matchPhoneDigits,
  mergeResults,
  nextBatch,
  retryDelay,
  scanTone,
  stationNumbers,
  toScanInput,
  type LocalContext,
  type StationRegistration,
  type StationScan,
} from './scan-logic.js';

const EVENT = '11111111-1111-4111-8111-111111111111';
const OTHER_EVENT = '22222222-2222-4222-8222-222222222222';
const R1 = 'aaaaaaaa-0000-4000-8000-000000000001';
const R2 = 'aaaaaaaa-0000-4000-8000-000000000002';
const R3 = 'aaaaaaaa-0000-4000-8000-000000000003';

const registrations: StationRegistration[] = [
  { registrationId: R1, displayName: '张*华', phoneLast4: '1234', status: 'REGISTERED', admitted: false },
  { registrationId: R2, displayName: '李*', phoneLast4: '5678', status: 'REGISTERED', admitted: true },
  { registrationId: R3, displayName: '王*明', phoneLast4: '0234', status: 'CANCELLED', admitted: false },
];

function ctx(admitted: string[] = [R2]): LocalContext {
  return { eventId: EVENT, registrations: new Map(registrations.map((r) => [r.registrationId, r])), admitted: new Set(admitted) };
}

function scan(overrides: Partial<StationScan>): StationScan {
  return {
    scanId: crypto.randomUUID(),
    eventId: EVENT,
    gateId: 'g1',
    code: 'LT1.x.y',
    registrationId: null,
    scannedAt: '2026-12-02T08:00:00.000Z',
    offline: false,
    source: 'TYPED',
    local: 'ADMITTED',
    subjectId: R1,
    displayName: '张*华',
    state: 'PENDING',
    outcome: null,
    attempts: 0,
    ...overrides,
  };
}

const valid = (r: string, e = EVENT) => ({ ok: true as const, payload: { r, e, k: 'k1', t: 1 } });

describe('decideCode: what a scan shows at once', () => {
  it('admits a genuine ticket of this event, once; the second time it is re-entry', () => {
    expect(decideCode('c', valid(R1), ctx())).toMatchObject({ verdict: 'ADMITTED', subjectId: R1, displayName: '张*华', upload: true });
    expect(decideCode('c', valid(R1), ctx([R1]))).toMatchObject({ verdict: 'REENTRY' });
    expect(decideCode('c', valid(R2), ctx())).toMatchObject({ verdict: 'REENTRY', displayName: '李*' });
  });

  it('refuses a cancelled registration, a ticket of another event and a forged one', () => {
    expect(decideCode('c', valid(R3), ctx()).verdict).toBe('NOT_REGISTERED');
    expect(decideCode('c', valid('bbbbbbbb-0000-4000-8000-000000000009', OTHER_EVENT), ctx()).verdict).toBe('WRONG_EVENT');
    expect(decideCode('c', { ok: false, reason: 'BAD_SIGNATURE' }, ctx())).toMatchObject({ verdict: 'INVALID', upload: true });
  });

  it('keeps text that is no ticket at all on the device (never uploaded)', () => {
    expect(decideCode('hello', { ok: false, reason: 'MALFORMED' }, ctx())).toMatchObject({ verdict: 'INVALID', upload: false });
    expect(decideCode('x'.repeat(700), { ok: false, reason: 'BAD_SIGNATURE' }, ctx()).upload).toBe(false);
  });

  it('lets the server decide a key it does not know yet, and admits a signed ticket missing from a stale list', () => {
    expect(decideCode('c', { ok: false, reason: 'UNKNOWN_KEY' }, ctx())).toMatchObject({ verdict: 'UNKNOWN_KEY', upload: true });
    expect(decideCode('c', valid('bbbbbbbb-0000-4000-8000-000000000009'), ctx()).verdict).toBe('ADMITTED');
  });

  it('accepts a class ticket issued for the series', () => {
    const series = '33333333-3333-4333-8333-333333333333';
    const c = { ...ctx(), acceptedEventIds: [EVENT, series] };
    expect(decideCode('c', valid(R1, series), c).verdict).toBe('ADMITTED');
  });

  it('checks in by registration id like a ticket', () => {
    expect(decideRegistrationId(R1, ctx()).verdict).toBe('ADMITTED');
    expect(decideRegistrationId(R2, ctx()).verdict).toBe('REENTRY');
    expect(decideRegistrationId(R3, ctx()).verdict).toBe('NOT_REGISTERED');
  });
});

describe('admittedSet', () => {
  it('joins the server list with this device’s admissions, by the server’s word once synced', () => {
    const set = admittedSet(registrations, [
      scan({ subjectId: R1, local: 'ADMITTED' }),
      scan({ subjectId: R3, local: 'ADMITTED', state: 'SYNCED', outcome: 'NOT_REGISTERED' }),
    ]);
    expect([...set].sort()).toEqual([R1, R2]);
  });
});

describe('nextBatch / toScanInput', () => {
  it('takes the oldest pending scans up to the limit', () => {
    const scans = [
      scan({ scanId: 'c', scannedAt: '2026-12-02T08:00:03.000Z' }),
      scan({ scanId: 'a', scannedAt: '2026-12-02T08:00:01.000Z' }),
      scan({ scanId: 'x', scannedAt: '2026-12-02T08:00:00.000Z', state: 'SYNCED', outcome: 'ADMITTED' }),
      scan({ scanId: 'l', scannedAt: '2026-12-02T08:00:00.000Z', state: 'LOCAL_ONLY' }),
      scan({ scanId: 'b', scannedAt: '2026-12-02T08:00:02.000Z' }),
    ];
    expect(nextBatch(scans, 2).map((s) => s.scanId)).toEqual(['a', 'b']);
    expect(nextBatch(scans).map((s) => s.scanId)).toEqual(['a', 'b', 'c']);
    const many = Array.from({ length: 1200 }, (_, i) => scan({ scanId: String(i).padStart(4, '0') }));
    expect(nextBatch(many)).toHaveLength(500);
  });

  it('sends exactly one of code / registrationId', () => {
    expect(toScanInput(scan({ scanId: 's', code: 'LT1.a.b' }))).toEqual({
      scanId: 's',
      gateId: 'g1',
      code: 'LT1.a.b',
      scannedAt: '2026-12-02T08:00:00.000Z',
      offline: false,
    });
    const byId = toScanInput(scan({ scanId: 's', code: null, registrationId: R1, offline: true }));
    expect(byId).toEqual({ scanId: 's', gateId: 'g1', registrationId: R1, scannedAt: '2026-12-02T08:00:00.000Z', offline: true });
  });
});

describe('mergeResults', () => {
  it('marks answered scans synced with the server’s outcome and leaves the rest pending', () => {
    const a = scan({ scanId: 'a' });
    const b = scan({ scanId: 'b' });
    const merged = mergeResults([a, b], [{ scanId: 'a', outcome: 'CONFLICT', registrationId: R1, displayName: '张*华' }]);
    expect(merged[0]).toMatchObject({ scanId: 'a', state: 'SYNCED', outcome: 'CONFLICT' });
    expect(merged[1]).toMatchObject({ scanId: 'b', state: 'PENDING', outcome: null, attempts: 1 });
  });

  it('keeps a known outcome when the server says the scan was recorded already (a lost answer)', () => {
    const known = scan({ scanId: 'a', outcome: 'ADMITTED' });
    expect(mergeResults([known], [{ scanId: 'a', outcome: 'ALREADY_RECORDED', registrationId: R1, displayName: null }])[0]).toMatchObject({
      state: 'SYNCED',
      outcome: 'ADMITTED',
      displayName: '张*华',
    });
    const unknown = scan({ scanId: 'b' });
    expect(mergeResults([unknown], [{ scanId: 'b', outcome: 'ALREADY_RECORDED', registrationId: null, displayName: null }])[0]!.outcome).toBe(
      'ALREADY_RECORDED',
    );
  });

  it('takes the name and registration the server resolved', () => {
    const walkIn = scan({ scanId: 'a', subjectId: null, displayName: null });
    expect(mergeResults([walkIn], [{ scanId: 'a', outcome: 'ADMITTED', registrationId: R1, displayName: '张*华' }])[0]).toMatchObject({
      subjectId: R1,
      displayName: '张*华',
    });
  });
});

describe('connectivity / retryDelay', () => {
  it('is offline when the browser says so, or for a while after a network failure', () => {
    expect(connectivity({ navigatorOnline: false, lastNetworkFailureAt: null, now: 0 })).toBe('offline');
    expect(connectivity({ navigatorOnline: true, lastNetworkFailureAt: null, now: 0 })).toBe('online');
    expect(connectivity({ navigatorOnline: true, lastNetworkFailureAt: 1_000, now: 3_000 })).toBe('offline');
    expect(connectivity({ navigatorOnline: true, lastNetworkFailureAt: 1_000, now: 7_000 })).toBe('online');
  });

  it('backs off 1 s, 2 s, 4 s … up to 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 10].map(retryDelay)).toEqual([0, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
  });
});

describe('isRepeatRead', () => {
  it('ignores the same code read again within the window, not after it', () => {
    let reads = new Map<string, number>();
    const first = isRepeatRead(reads, 'A', 1_000);
    expect(first.repeat).toBe(false);
    reads = first.lastReads;
    expect(isRepeatRead(reads, 'A', 2_500).repeat).toBe(true);
    expect(isRepeatRead(reads, 'B', 2_500).repeat).toBe(false);
    const later = isRepeatRead(reads, 'A', 4_500);
    expect(later.repeat).toBe(false);
    expect(later.lastReads.size).toBe(1);
  });
});

describe('matchPhoneDigits', () => {
  it('finds registrations by the last digits, registered first, only from 3 digits on', () => {
    expect(matchPhoneDigits(registrations, '23')).toEqual([]);
    expect(matchPhoneDigits(registrations, '234').map((r) => r.registrationId)).toEqual([R1, R3]);
    expect(matchPhoneDigits(registrations, '1234').map((r) => r.registrationId)).toEqual([R1]);
    expect(matchPhoneDigits(registrations, '138 0000 5678').map((r) => r.registrationId)).toEqual([R2]);
  });
});

describe('stationNumbers / conflictList / scanTone', () => {
  it('adds this device’s waiting admissions to the server’s count, once per person', () => {
    const scans = [
      scan({ subjectId: R1, local: 'ADMITTED' }),
      scan({ subjectId: R1, local: 'REENTRY' }),
      scan({ subjectId: R2, local: 'REENTRY' }),
    ];
    const n = stationNumbers({ admitted: 1, reentries: 0, conflicts: 0, scans: 1 }, registrations, scans);
    expect(n).toEqual({ admitted: 2, admittedWaiting: 1, waiting: 3, conflicts: 0, reentries: 0 });
  });

  it('counts nobody twice once the server answered, and shows conflicts', () => {
    const scans = [
      scan({ scanId: 'a', subjectId: R1, state: 'SYNCED', outcome: 'ADMITTED', scannedAt: '2026-12-02T08:00:00.000Z' }),
      scan({ scanId: 'b', subjectId: R1, state: 'SYNCED', outcome: 'CONFLICT', scannedAt: '2026-12-02T08:00:05.000Z' }),
    ];
    const n = stationNumbers({ admitted: 2, reentries: 0, conflicts: 1, scans: 3 }, registrations, scans);
    expect(n).toEqual({ admitted: 2, admittedWaiting: 0, waiting: 0, conflicts: 1, reentries: 0 });
    expect(conflictList(scans).map((s) => s.scanId)).toEqual(['b']);
    expect(stationNumbers(null, registrations, scans).admitted).toBe(2);
  });

  it('colours by the server’s outcome once known, else by the device’s verdict', () => {
    expect(scanTone({ state: 'PENDING', local: 'ADMITTED', outcome: null })).toBe('success');
    expect(scanTone({ state: 'PENDING', local: 'REENTRY', outcome: null })).toBe('warning');
    expect(scanTone({ state: 'LOCAL_ONLY', local: 'INVALID', outcome: null })).toBe('error');
    expect(scanTone({ state: 'SYNCED', local: 'ADMITTED', outcome: 'CONFLICT' })).toBe('warning');
    expect(scanTone({ state: 'SYNCED', local: 'ADMITTED', outcome: 'INVALID_TICKET' })).toBe('error');
  });
});

describe('isNetworkError', () => {
  it('tells network failures from answers of the API', () => {
    expect(isNetworkError(new TypeError('Failed to fetch'))).toBe(true);
    expect(isNetworkError(Object.assign(new Error('Bad gateway'), { statusCode: 502 }))).toBe(true);
    expect(isNetworkError(Object.assign(new Error('x'), { cause: new TypeError('NetworkError when attempting to fetch resource.') }))).toBe(true);
    expect(isNetworkError(Object.assign(new Error('Bad request'), { statusCode: 400 }))).toBe(false);
    expect(isNetworkError(new Error('FORBIDDEN'))).toBe(false);
    expect(isNetworkError(null)).toBe(false);
  });

  it('tells a refusal as bad input (never accepted on retry) from other answers', () => {
    expect(isRefusal({ errors: [{ message: 'x', extensions: { code: 'BAD_USER_INPUT', reason: 'UNKNOWN_GATE' } }] })).toBe(true);
    expect(isRefusal(Object.assign(new Error('Bad request'), { statusCode: 400 }))).toBe(true);
    expect(isRefusal({ errors: [{ message: 'x', extensions: { code: 'FORBIDDEN' } }] })).toBe(false);
    expect(isRefusal(new TypeError('Failed to fetch'))).toBe(false);
    expect(scanTone({ state: 'REFUSED', local: 'ADMITTED', outcome: null })).toBe('error');
  });
});
