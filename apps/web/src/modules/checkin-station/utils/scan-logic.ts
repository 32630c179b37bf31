/**
 * The check-in station's rules, as pure functions (unit-tested in scan-logic.spec.ts): what a scan shows at
 * once on the device, which scans go up in the next upload, how the server's answers merge into the queue,
 * whether the station counts as online, and the numbers on its screen. The station page and the sync engine
 * (station-sync.ts) only move data between these functions, IndexedDB and the API.
 */

/** What the API answers for each uploaded scan (the attendance contract's `ScanOutcome`). */
export type ScanOutcome = 'ADMITTED' | 'REENTRY' | 'ALREADY_RECORDED' | 'CONFLICT' | 'INVALID_TICKET' | 'WRONG_EVENT' | 'NOT_REGISTERED';

/**
 * What the device decides the moment a code is read, before (or without) the network:
 * ADMITTED (green), REENTRY (amber: this person was admitted already), and the red ones — INVALID (forged,
 * altered or unreadable), WRONG_EVENT (a genuine ticket of another event), NOT_REGISTERED (cancelled or
 * waitlisted), UNKNOWN_KEY (signed with a key this device does not know yet: the server decides).
 */
export type LocalVerdict = 'ADMITTED' | 'REENTRY' | 'INVALID' | 'WRONG_EVENT' | 'NOT_REGISTERED' | 'UNKNOWN_KEY';

export type ScanSource = 'TYPED' | 'CAMERA' | 'IMAGE' | 'PHONE' | 'WALK_IN';

/**
 * One scan as the device keeps it (the IndexedDB `scans` table). PENDING until an upload has answered for it,
 * then SYNCED with the server's outcome; LOCAL_ONLY for text that is not a ticket at all (never uploaded: the
 * API would refuse the whole batch for it, and no server could ever admit it); REFUSED when the API refused the
 * scan itself as bad input (e.g. its gate was removed meanwhile), so it no longer blocks the queue.
 */
export interface StationScan {
  scanId: string;
  eventId: string;
  gateId: string;
  /** Exactly one of code / registrationId is set (the upload's `ScanInput`). */
  code: string | null;
  registrationId: string | null;
  /** ISO time the device read it. */
  scannedAt: string;
  /** Read while the station was offline (the server uses it to tell conflicts). */
  offline: boolean;
  source: ScanSource;
  local: LocalVerdict;
  /** The registration the scan names (from the ticket or the lookup), when known. */
  subjectId: string | null;
  displayName: string | null;
  state: 'PENDING' | 'SYNCED' | 'LOCAL_ONLY' | 'REFUSED';
  outcome: ScanOutcome | null;
  /** Answered ALREADY_RECORDED: the first recording (outcome, gate, time), when the server knew it. */
  original?: OriginalScan | null;
  /** Upload attempts that failed without an answer for this scan (network or server error). */
  attempts: number;
}

export interface StationRegistration {
  registrationId: string;
  displayName: string;
  phoneLast4: string;
  status: 'REGISTERED' | 'WAITLISTED' | 'CANCELLED' | string;
  admitted: boolean;
}

export interface AttendanceCounts {
  admitted: number;
  reentries: number;
  conflicts: number;
  scans: number;
}

/** For a scan the server had recorded before: what that first recording decided, at which gate, when. */
export interface OriginalScan {
  outcome: ScanOutcome;
  gateId: string;
  scannedAt: string;
}

export interface ScanResult {
  scanId: string;
  outcome: ScanOutcome;
  registrationId: string | null;
  displayName: string | null;
  original?: OriginalScan | null;
}

/** The outcome of checking a ticket's signature (`verifyTicket` of @leye/domain). */
export type TicketCheck =
  | { ok: true; payload: { r: string; e: string; k: string; t: number } }
  | { ok: false; reason: 'MALFORMED' | 'UNKNOWN_KEY' | 'BAD_SIGNATURE' };

export interface LocalContext {
  eventId: string;
  /** Ticket ids (events or series) this station admits: the event itself, and its series for a class. */
  acceptedEventIds?: readonly string[];
  registrations: ReadonlyMap<string, StationRegistration>;
  /** Registrations already admitted: by the server's list, or by an earlier scan on this device. */
  admitted: ReadonlySet<string>;
}

export interface LocalDecision {
  verdict: LocalVerdict;
  subjectId: string | null;
  displayName: string | null;
  /** False for text that cannot be a ticket (kept on the device, never uploaded). */
  upload: boolean;
}

/** Verdict for a registration known by id (a ticket that checked out, or a phone-digit lookup). */
function decideRegistration(registrationId: string, ctx: LocalContext): LocalDecision {
  const reg = ctx.registrations.get(registrationId);
  const displayName = reg?.displayName ?? null;
  if (reg && reg.status !== 'REGISTERED') return { verdict: 'NOT_REGISTERED', subjectId: registrationId, displayName, upload: true };
  if (ctx.admitted.has(registrationId)) return { verdict: 'REENTRY', subjectId: registrationId, displayName, upload: true };
  return { verdict: 'ADMITTED', subjectId: registrationId, displayName, upload: true };
}

/**
 * What a scanned code shows at once. The signature is checked with the event's public keys; a genuine ticket of
 * this event is admitted (or re-entry when the person is in already). A genuine ticket whose registration is not
 * in the cached list yet (registered after the list was loaded) is still admitted: it was signed by the API.
 */
export function decideCode(code: string, check: TicketCheck, ctx: LocalContext): LocalDecision {
  if (!check.ok) {
    if (check.reason === 'UNKNOWN_KEY') return { verdict: 'UNKNOWN_KEY', subjectId: null, displayName: null, upload: true };
    // A forged or altered ticket is uploaded for the record; text that is no ticket at all stays here.
    return { verdict: 'INVALID', subjectId: null, displayName: null, upload: check.reason === 'BAD_SIGNATURE' && code.length <= 600 };
  }
  const { r, e } = check.payload;
  const accepted = ctx.acceptedEventIds ?? [ctx.eventId];
  if (!accepted.includes(e) && !ctx.registrations.has(r)) {
    return { verdict: 'WRONG_EVENT', subjectId: r, displayName: null, upload: true };
  }
  return decideRegistration(r, ctx);
}

/** What a check-in by registration id (found by phone digits) shows at once. */
export function decideRegistrationId(registrationId: string, ctx: LocalContext): LocalDecision {
  return decideRegistration(registrationId, ctx);
}

/** Registrations admitted as far as this device knows: the server's list plus this device's admissions. */
export function admittedSet(registrations: Iterable<StationRegistration>, scans: Iterable<StationScan>): Set<string> {
  const out = new Set<string>();
  for (const reg of registrations) if (reg.admitted) out.add(reg.registrationId);
  for (const scan of scans) {
    if (!scan.subjectId) continue;
    const admittedHere = scan.state === 'SYNCED' ? scan.outcome === 'ADMITTED' || scan.outcome === 'REENTRY' : scan.local === 'ADMITTED';
    if (admittedHere) out.add(scan.subjectId);
  }
  return out;
}

/** The next upload: the oldest pending scans of the event, at most `max` (the API takes 500 per call). */
export function nextBatch(scans: readonly StationScan[], max = 500): StationScan[] {
  return scans
    .filter((s) => s.state === 'PENDING')
    .sort((a, b) => a.scannedAt.localeCompare(b.scannedAt) || a.scanId.localeCompare(b.scanId))
    .slice(0, max);
}

/** The upload's `ScanInput` for a queued scan. */
export function toScanInput(scan: StationScan): {
  scanId: string;
  gateId: string;
  code?: string;
  registrationId?: string;
  scannedAt: string;
  offline: boolean;
} {
  return {
    scanId: scan.scanId,
    gateId: scan.gateId,
    ...(scan.code !== null ? { code: scan.code } : { registrationId: scan.registrationId! }),
    scannedAt: scan.scannedAt,
    offline: scan.offline,
  };
}

/**
 * Merges the server's answers into the uploaded scans. A scan the server answered is SYNCED; one it did not
 * answer stays PENDING (tried again). ALREADY_RECORDED means an earlier upload of the same scan reached the
 * server (its answer was lost on the way back): an outcome this device already has is kept, else the scan is
 * marked recorded.
 */
export function mergeResults(uploaded: readonly StationScan[], results: readonly ScanResult[]): StationScan[] {
  const byId = new Map(results.map((r) => [r.scanId, r]));
  return uploaded.map((scan) => {
    const result = byId.get(scan.scanId);
    if (!result) return { ...scan, attempts: scan.attempts + 1 };
    const original = result.original ? { outcome: result.original.outcome, gateId: result.original.gateId, scannedAt: result.original.scannedAt } : (scan.original ?? null);
    const outcome: ScanOutcome = result.outcome === 'ALREADY_RECORDED' ? (scan.outcome ?? original?.outcome ?? 'ALREADY_RECORDED') : result.outcome;
    return {
      ...scan,
      state: 'SYNCED',
      outcome,
      original: result.outcome === 'ALREADY_RECORDED' ? original : (scan.original ?? null),
      subjectId: result.registrationId ?? scan.subjectId,
      displayName: result.displayName ?? scan.displayName,
    };
  });
}

/**
 * Whether the station works online. The browser's flag says offline for sure; an upload that failed on the
 * network says so too until `retryAfterMs` has passed (then the next upload tries again).
 */
export function connectivity(input: { navigatorOnline: boolean; lastNetworkFailureAt: number | null; now: number; retryAfterMs?: number }): 'online' | 'offline' {
  if (!input.navigatorOnline) return 'offline';
  const retryAfter = input.retryAfterMs ?? 5_000;
  if (input.lastNetworkFailureAt !== null && input.now - input.lastNetworkFailureAt < retryAfter) return 'offline';
  return 'online';
}

/** Wait before the next upload attempt after `failures` failed ones in a row: 1 s, 2 s, 4 s … at most 30 s. */
export function retryDelay(failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(30_000, 1_000 * 2 ** (failures - 1));
}

/**
 * A camera reads the same QR code many times a second, and a handheld scanner may send a code twice: the same
 * text read again within `windowMs` is the same scan, not a new one. Returns whether to ignore it, and the
 * updated map of last reads (older entries dropped).
 */
export function isRepeatRead(
  lastReads: ReadonlyMap<string, number>,
  code: string,
  now: number,
  windowMs = 3_000,
): { repeat: boolean; lastReads: Map<string, number> } {
  const next = new Map<string, number>();
  for (const [text, at] of lastReads) if (now - at < windowMs) next.set(text, at);
  const repeat = next.has(code);
  next.set(code, now);
  return { repeat, lastReads: next };
}

/** Registrations whose phone number ends with the typed digits (at least 3), registered ones first. */
export function matchPhoneDigits(registrations: readonly StationRegistration[], digits: string, limit = 20): StationRegistration[] {
  const typed = digits.replace(/\D/g, '');
  if (typed.length < 3) return [];
  const tail = typed.slice(-4);
  const rank = (r: StationRegistration) => (r.status === 'REGISTERED' ? 0 : 1);
  return registrations
    .filter((r) => r.phoneLast4.endsWith(tail))
    .sort((a, b) => rank(a) - rank(b) || a.displayName.localeCompare(b.displayName))
    .slice(0, limit);
}

export interface StationNumbers {
  /** Unique people admitted: the server's count plus this device's admissions it has not heard of yet. */
  admitted: number;
  /** Of which still waiting on this device. */
  admittedWaiting: number;
  /** Scans waiting for upload on this device. */
  waiting: number;
  /** Conflicts: the server's count for the event, at least the ones this device was told about. */
  conflicts: number;
  reentries: number;
}

/** The numbers on the station's screen, from the last server counts and the device's queue. */
export function stationNumbers(server: AttendanceCounts | null, registrations: readonly StationRegistration[], scans: readonly StationScan[]): StationNumbers {
  const admittedOnServer = new Set(registrations.filter((r) => r.admitted).map((r) => r.registrationId));
  for (const s of scans) if (s.state === 'SYNCED' && s.outcome === 'ADMITTED' && s.subjectId) admittedOnServer.add(s.subjectId);
  const waitingAdmissions = new Set<string>();
  for (const s of scans) {
    if (s.state === 'PENDING' && s.local === 'ADMITTED' && s.subjectId && !admittedOnServer.has(s.subjectId)) waitingAdmissions.add(s.subjectId);
  }
  const conflictsHere = scans.filter((s) => s.state === 'SYNCED' && s.outcome === 'CONFLICT').length;
  const reentriesHere = scans.filter((s) => s.state === 'SYNCED' && s.outcome === 'REENTRY').length;
  const serverAdmitted = server?.admitted ?? admittedOnServer.size;
  return {
    admitted: Math.max(serverAdmitted, admittedOnServer.size) + waitingAdmissions.size,
    admittedWaiting: waitingAdmissions.size,
    waiting: scans.filter((s) => s.state === 'PENDING').length,
    conflicts: Math.max(server?.conflicts ?? 0, conflictsHere),
    reentries: Math.max(server?.reentries ?? 0, reentriesHere),
  };
}

/** Scans the server reported as conflicts (the same ticket used at another gate while offline), newest first. */
export function conflictList(scans: readonly StationScan[]): StationScan[] {
  return scans.filter((s) => s.state === 'SYNCED' && s.outcome === 'CONFLICT').sort((a, b) => b.scannedAt.localeCompare(a.scannedAt));
}

/** Colour of a scan on screen: the server's outcome once known, else the device's own verdict. */
export function scanTone(scan: Pick<StationScan, 'outcome' | 'local' | 'state'>): 'success' | 'warning' | 'error' | 'info' {
  if (scan.state === 'REFUSED') return 'error';
  if (scan.state === 'SYNCED' && scan.outcome) {
    switch (scan.outcome) {
      case 'ADMITTED':
        return 'success';
      case 'REENTRY':
      case 'ALREADY_RECORDED':
        return 'warning';
      case 'CONFLICT':
        return 'warning';
      default:
        return 'error';
    }
  }
  switch (scan.local) {
    case 'ADMITTED':
      return 'success';
    case 'REENTRY':
      return 'warning';
    case 'UNKNOWN_KEY':
      return 'info';
    default:
      return 'error';
  }
}

/**
 * Did the API refuse the request as bad input (BAD_USER_INPUT, HTTP 400)? Retrying the same batch can never
 * succeed then: the sync engine isolates the scan that causes it.
 */
export function isRefusal(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const e = error as { statusCode?: number; errors?: unknown };
  if (e.statusCode === 400) return true;
  return Array.isArray(e.errors) && e.errors.some((x) => (x as { extensions?: { code?: unknown } } | null)?.extensions?.code === 'BAD_USER_INPUT');
}

/** Is this error a network failure (offline, DNS, reset) rather than an answer from the API? */
export function isNetworkError(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const e = error as { name?: string; message?: string; statusCode?: number; networkError?: unknown; cause?: unknown };
  if (typeof e.statusCode === 'number') return e.statusCode >= 500 || e.statusCode === 0;
  if (e.networkError) return true;
  if (e.name === 'TypeError' && /fetch|network|load failed/i.test(e.message ?? '')) return true;
  if (e.cause) return isNetworkError(e.cause);
  return false;
}
