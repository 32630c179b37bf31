import { useApolloClient } from '@apollo/client/react';
import { base64UrlDecode, maskName, verifyTicket } from '@leye/domain';
import { liveQuery } from 'dexie';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { CheckInStationDocument, RegisterWalkInDocument, type CheckInStationQuery } from '../../../generated/graphql.js';
import { scanFeedback } from '../utils/feedback.js';
import {
  admittedSet,
  connectivity,
  decideCode,
  decideRegistrationId,
  isNetworkError,
  isRepeatRead,
  stationNumbers,
  type AttendanceCounts,
  type LocalDecision,
  type ScanOutcome,
  type ScanSource,
  type StationNumbers,
  type StationScan,
} from '../utils/scan-logic.js';
import { postScans } from '../utils/scan-route.js';
import { stationDb, type CachedStation } from '../utils/station-db.js';
import { StationSync, type SyncState, type UploadScans } from '../utils/station-sync.js';
import { useAttendanceLive } from '../../attendance/hooks/use-attendance-live.js';

export type LoadState =
  | { status: 'loading' }
  | { status: 'ready'; source: 'network' | 'cache' }
  | { status: 'error'; error: unknown; offline: boolean };

export interface StationApi {
  load: LoadState;
  station: CachedStation | null;
  gateId: string | null;
  chooseGate(gateId: string | null): void;
  scans: StationScan[];
  lastScan: StationScan | null;
  numbers: StationNumbers;
  online: boolean;
  sync: SyncState;
  /** Reads a ticket code (typed, pasted, handheld scanner, camera, image). Null when ignored as a repeat read. */
  scanCode(code: string, source: ScanSource): Promise<StationScan | null>;
  /** Checks in a registration found by phone digits. */
  checkIn(registrationId: string): Promise<StationScan>;
  /** Registers a walk-in at the chosen gate and admits them (needs the network). */
  walkIn(input: { name: string; phone: string }): Promise<StationScan>;
  reload(): void;
}

const GATE_SETTING = (eventId: string) => `gate:${eventId}`;

function toCached(data: CheckInStationQuery['checkInStation'], accountId: string): CachedStation {
  return {
    eventId: data.eventId,
    accountId,
    title: data.title,
    startsAt: data.startsAt,
    endsAt: data.endsAt,
    publicKeys: data.publicKeys.map((k) => ({ keyId: k.keyId, publicKey: k.publicKey })),
    gates: data.gates.map((g) => ({ id: g.id, name: g.name })),
    registrations: data.registrations.map((r) => ({
      registrationId: r.registrationId,
      displayName: r.displayName,
      phoneLast4: r.phoneLast4 ?? '',
      status: r.status,
      admitted: r.admitted,
    })),
    counts: { admitted: data.counts.admitted, reentries: data.counts.reentries, conflicts: data.counts.conflicts, scans: data.counts.scans },
    loadedAt: new Date().toISOString(),
    // A class session: its tickets name the class (series), and verify here offline too.
    acceptedEventIds: data.seriesId ? [data.seriesId] : [],
  };
}

function useNavigatorOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, []);
  return online;
}

/**
 * The check-in station of one event: the cached station (network first, IndexedDB when offline), the gate,
 * the scan queue (IndexedDB, observed live), local verification and the upload loop. `accountId` is the
 * signed-in account when known (null while the session cannot be resumed offline).
 */
export function useStation(eventId: string, accountId: string | null): StationApi {
  const client = useApolloClient();
  const db = stationDb();
  const navigatorOnline = useNavigatorOnline();
  const [load, setLoad] = useState<LoadState>({ status: 'loading' });
  const [station, setStation] = useState<CachedStation | null>(null);
  const [gateId, setGateId] = useState<string | null>(null);
  const [scans, setScans] = useState<StationScan[]>([]);
  const [lastScan, setLastScan] = useState<StationScan | null>(null);
  const [serverCounts, setServerCounts] = useState<AttendanceCounts | null>(null);
  const [syncState, setSyncState] = useState<SyncState>({ uploading: false, lastNetworkFailureAt: null, lastError: null, failures: 0 });
  const [now, setNow] = useState(() => Date.now());
  const [reloadKey, setReloadKey] = useState(0);

  // What a scan decision needs, current at the moment of the scan (several scans may come before a render).
  const scansRef = useRef<StationScan[]>([]);
  const stationRef = useRef<CachedStation | null>(null);
  const readsRef = useRef(new Map<string, number>());
  const onlineRef = useRef(false);

  const online = connectivity({ navigatorOnline, lastNetworkFailureAt: syncState.lastNetworkFailureAt, now }) === 'online';
  onlineRef.current = online;

  // The station data: from the API when it answers (and then cached), else the device's copy.
  useEffect(() => {
    let cancelled = false;
    const fromCache = async (error: unknown) => {
      const cached = await db.stations.get(eventId);
      if (cancelled) return;
      if (cached && (!accountId || cached.accountId === accountId)) {
        setStation(cached);
        setServerCounts((c) => c ?? cached.counts);
        setLoad({ status: 'ready', source: 'cache' });
      } else {
        setLoad({ status: 'error', error, offline: isNetworkError(error) || !navigator.onLine });
      }
    };
    const run = async () => {
      if (!navigator.onLine || !accountId) return fromCache(new TypeError('Failed to fetch: offline'));
      try {
        const { data } = await client.query({ query: CheckInStationDocument, variables: { eventId }, fetchPolicy: 'network-only' });
        if (!data) throw new Error('No data');
        const cached = toCached(data.checkInStation, accountId);
        await db.stations.put(cached);
        if (cancelled) return;
        setStation(cached);
        setServerCounts(cached.counts);
        setLoad({ status: 'ready', source: 'network' });
      } catch (error) {
        if (cancelled) return;
        if (isNetworkError(error)) await fromCache(error);
        else setLoad({ status: 'error', error, offline: false });
      }
    };
    void run();
    return () => {
      cancelled = true;
    };
  }, [client, db, eventId, accountId, reloadKey]);

  stationRef.current = station;

  // The gate this device stands at (remembered per event).
  useEffect(() => {
    void db.settings.get(GATE_SETTING(eventId)).then((s) => setGateId(s?.value ?? null));
  }, [db, eventId]);
  const chooseGate = useCallback(
    (id: string | null) => {
      setGateId(id);
      if (id) void db.settings.put({ key: GATE_SETTING(eventId), value: id });
      else void db.settings.delete(GATE_SETTING(eventId));
    },
    [db, eventId],
  );
  // A gate removed by the organizers is no choice any more.
  useEffect(() => {
    if (station && gateId && !station.gates.some((g) => g.id === gateId)) setGateId(null);
  }, [station, gateId]);

  // The queue and history, live from IndexedDB (other tabs of the station write there too).
  useEffect(() => {
    const subscription = liveQuery(() => db.eventScans(eventId)).subscribe({
      next: (rows) => {
        scansRef.current = rows;
        setScans(rows);
        setLastScan((last) => (last ? (rows.find((r) => r.scanId === last.scanId) ?? last) : last));
      },
      error: () => undefined,
    });
    return () => subscription.unsubscribe();
  }, [db, eventId]);

  // Uploads: at once when online, in batches of 500, retried with backoff.
  // Through the API's lean scan route (POST /api/attendance/scans), not GraphQL: one scan online is one small request.
  const upload = useCallback<UploadScans>((id, batch) => postScans(id, batch), []);
  const sync = useMemo(
    () =>
      new StationSync({
        db,
        eventId,
        upload,
        onChange: (state, counts) => {
          setSyncState(state);
          setNow(Date.now());
          if (counts) setServerCounts(counts);
        },
      }),
    [db, eventId, upload],
  );
  useEffect(() => () => sync.stop(), [sync]);

  // Drain when the station opens, when the network returns, and every 15 s while something waits.
  useEffect(() => {
    if (navigatorOnline && accountId) void sync.drain();
  }, [sync, navigatorOnline, accountId]);
  useEffect(() => {
    const timer = setInterval(() => {
      setNow(Date.now());
      if (navigator.onLine && scansRef.current.some((s) => s.state === 'PENDING')) void sync.drain();
    }, 15_000);
    return () => clearInterval(timer);
  }, [sync]);
  // Coming back online: fresh registrations and counts from the API (admissions at other gates meanwhile).
  const wasOnline = useRef(navigatorOnline);
  useEffect(() => {
    if (navigatorOnline && !wasOnline.current) setReloadKey((k) => k + 1);
    wasOnline.current = navigatorOnline;
  }, [navigatorOnline]);

  // Live counts from the event's room while the socket is connected.
  useAttendanceLive(online && accountId ? eventId : undefined, (counts) => setServerCounts(counts));

  const publicKeys = useMemo(() => {
    const keys: Record<string, Uint8Array> = {};
    for (const k of station?.publicKeys ?? []) {
      try {
        keys[k.keyId] = base64UrlDecode(k.publicKey);
      } catch {
        // A key the device cannot read verifies nothing.
      }
    }
    return keys;
  }, [station]);

  const record = useCallback(
    async (decision: LocalDecision, what: { code: string | null; registrationId: string | null; source: ScanSource }) => {
      const current = stationRef.current;
      if (!current || !gateId) throw new Error('No station or gate');
      const scan: StationScan = {
        scanId: crypto.randomUUID(),
        eventId,
        gateId,
        code: what.code,
        registrationId: what.registrationId,
        scannedAt: new Date().toISOString(),
        offline: !onlineRef.current,
        source: what.source,
        local: decision.verdict,
        subjectId: decision.subjectId,
        displayName: decision.displayName,
        state: decision.upload ? 'PENDING' : 'LOCAL_ONLY',
        outcome: null,
        attempts: 0,
      };
      scansRef.current = [...scansRef.current, scan];
      setLastScan(scan);
      scanFeedback(scan);
      await db.scans.put(scan);
      if (onlineRef.current && decision.upload) void sync.drain();
      return scan;
    },
    [db, eventId, gateId, sync],
  );

  const context = useCallback(() => {
    const current = stationRef.current!;
    return {
      eventId,
      acceptedEventIds: [eventId, ...(current.acceptedEventIds ?? [])],
      registrations: new Map(current.registrations.map((r) => [r.registrationId, r])),
      admitted: admittedSet(current.registrations, scansRef.current),
    };
  }, [eventId]);

  const scanCode = useCallback(
    async (raw: string, source: ScanSource) => {
      const code = raw.trim();
      if (!code || !stationRef.current) return null;
      const repeat = isRepeatRead(readsRef.current, code, Date.now(), source === 'CAMERA' ? 3_000 : 1_500);
      readsRef.current = repeat.lastReads;
      if (repeat.repeat) return null;
      const decision = decideCode(code, verifyTicket(code, publicKeys), context());
      return record(decision, { code: decision.upload ? code : code.slice(0, 600), registrationId: null, source });
    },
    [publicKeys, context, record],
  );

  const checkIn = useCallback(
    (registrationId: string) => record(decideRegistrationId(registrationId, context()), { code: null, registrationId, source: 'PHONE' }),
    [context, record],
  );

  const walkIn = useCallback(
    async (input: { name: string; phone: string }) => {
      if (!gateId) throw new Error('No gate');
      const { data } = await client.mutate({
        mutation: RegisterWalkInDocument,
        variables: { eventId, gateId, input: { name: input.name, phone: input.phone } },
        fetchPolicy: 'no-cache',
      });
      if (!data) throw new Error('No data');
      const result = data.registerWalkIn;
      const displayName = maskName(input.name);
      const scan: StationScan = {
        scanId: crypto.randomUUID(),
        eventId,
        gateId,
        code: result.ticketCode,
        registrationId: null,
        scannedAt: new Date().toISOString(),
        offline: false,
        source: 'WALK_IN',
        local: result.outcome === 'REENTRY' ? 'REENTRY' : 'ADMITTED',
        subjectId: result.registrationId,
        displayName,
        state: 'SYNCED',
        outcome: result.outcome as ScanOutcome,
        attempts: 0,
      };
      await db.scans.put(scan);
      // The walk-in joins the cached list, so a later lookup or re-entry on this device knows them.
      const current = stationRef.current;
      if (current && !current.registrations.some((r) => r.registrationId === result.registrationId)) {
        const updated: CachedStation = {
          ...current,
          registrations: [
            ...current.registrations,
            { registrationId: result.registrationId, displayName, phoneLast4: input.phone.slice(-4), status: 'REGISTERED', admitted: true },
          ],
        };
        stationRef.current = updated;
        setStation(updated);
        await db.stations.put(updated);
      }
      setLastScan(scan);
      scanFeedback(scan);
      return scan;
    },
    [client, db, eventId, gateId],
  );

  const numbers = useMemo(() => stationNumbers(serverCounts, station?.registrations ?? [], scans), [serverCounts, station, scans]);
  const reload = useCallback(() => setReloadKey((k) => k + 1), []);

  return { load, station, gateId, chooseGate, scans, lastScan, numbers, online, sync: syncState, scanCode, checkIn, walkIn, reload };
}
