import { Dexie, type EntityTable } from 'dexie';
import type { AttendanceCounts, StationRegistration, StationScan } from './scan-logic.js';

/**
 * What the station caches per event so that a reload without network still works: the gates, the public
 * keys that verify tickets, the registration list (for phone-digit lookups and re-entry) and the last counts.
 */
export interface CachedStation {
  eventId: string;
  /** The account that loaded it: another account signing in on the device never sees it. */
  accountId: string;
  title: string;
  startsAt: string;
  endsAt: string;
  publicKeys: { keyId: string; publicKey: string }[];
  gates: { id: string; name: string }[];
  registrations: StationRegistration[];
  counts: AttendanceCounts;
  /** When the API last answered with this copy (ISO). */
  loadedAt: string;
  /** Ticket event ids this station admits besides the event itself (a class's series). */
  acceptedEventIds?: string[];
}

/** Small per-device settings: the chosen gate per event. */
export interface StationSetting {
  key: string;
  value: string;
}

/**
 * The station's IndexedDB database (`leye-station`): `scans` is the upload queue and the scan history,
 * `stations` the per-event cache, `settings` the device's choices. Version bumps add Dexie migrations here.
 */
export class StationDatabase extends Dexie {
  scans!: EntityTable<StationScan, 'scanId'>;
  stations!: EntityTable<CachedStation, 'eventId'>;
  settings!: EntityTable<StationSetting, 'key'>;

  constructor(name = 'leye-station', options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      scans: 'scanId, [eventId+state], [eventId+scannedAt]',
      stations: 'eventId, accountId',
      settings: 'key',
    });
  }

  /** Every scan of one event (history and queue), oldest first. */
  eventScans(eventId: string): Promise<StationScan[]> {
    return this.scans.where('[eventId+scannedAt]').between([eventId, Dexie.minKey], [eventId, Dexie.maxKey]).toArray();
  }

  pendingScans(eventId: string): Promise<StationScan[]> {
    return this.scans.where('[eventId+state]').equals([eventId, 'PENDING']).toArray();
  }
}

let shared: StationDatabase | null = null;

/** The page's database connection (opened on first use). */
export function stationDb(): StationDatabase {
  shared ??= new StationDatabase();
  return shared;
}
