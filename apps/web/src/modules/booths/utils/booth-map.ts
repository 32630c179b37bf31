/**
 * The read-only booth map's pure parts: what each status looks like, which booths can be picked,
 * merging live changes into the loaded map, and the hold/offer countdown text.
 */

export const MAP_STATUSES = ['FREE', 'MINE', 'HELD', 'PENDING', 'BOOKED', 'RESERVED', 'CLOSED'] as const;
export type MapStatus = (typeof MAP_STATUSES)[number];

/** Fill and text colours per status; colour is never the only cue (the tooltip and aria-label say the status). */
export const STATUS_STYLE: Record<MapStatus, { fill: string; stroke: string; text: string }> = {
  FREE: { fill: '#e8f7ee', stroke: '#2f9e5b', text: '#1b5e36' },
  MINE: { fill: '#1677ff', stroke: '#0b4fbf', text: '#ffffff' },
  HELD: { fill: '#fff4d6', stroke: '#d48806', text: '#7a4d00' },
  PENDING: { fill: '#ffe7ba', stroke: '#d46b08', text: '#7a3a00' },
  BOOKED: { fill: '#d9d9d9', stroke: '#8c8c8c', text: '#434343' },
  RESERVED: { fill: '#efdbff', stroke: '#722ed1', text: '#3f1a75' },
  CLOSED: { fill: '#f5f5f5', stroke: '#bfbfbf', text: '#8c8c8c' },
};

export interface MapBooth {
  id: string;
  code: string;
  zone: string;
  type: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Area in m² (shown in the tooltip). */
  sizeSqm?: number | null;
  status: MapStatus;
  /** The booked (or pending) employer's name, when the viewer may see it. */
  employerName?: string | null;
  /** Priority-employer groups a reserved booth is kept for, if any. */
  reservedFor?: string | null;
}

export function isPickable(status: MapStatus): boolean {
  return status === 'FREE';
}

/** A live change for one booth: only the fields it carries replace the loaded ones. */
export interface BoothChange {
  boothId: string;
  status: MapStatus;
  employerName?: string | null;
}

export function applyBoothChange<T extends MapBooth>(booths: readonly T[], change: BoothChange): T[] {
  let changed = false;
  const out = booths.map((b) => {
    if (b.id !== change.boothId) return b;
    changed = true;
    return { ...b, status: change.status, employerName: change.employerName === undefined ? b.employerName : change.employerName };
  });
  return changed ? out : (booths as T[]);
}

/** `m:ss` (or `h:mm:ss` beyond an hour) of the time left; 0:00 once past. */
export function formatCountdown(msLeft: number): string {
  const total = Math.max(0, Math.ceil(msLeft / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** How many booths there are of each status (for the legend). */
export function countByStatus(booths: readonly Pick<MapBooth, 'status'>[]): Record<MapStatus, number> {
  const out = Object.fromEntries(MAP_STATUSES.map((s) => [s, 0])) as Record<MapStatus, number>;
  for (const b of booths) out[b.status] += 1;
  return out;
}

/** The plan extent when the layout does not say it: the booths' bounding box from the origin. */
export function mapExtent(booths: readonly Pick<MapBooth, 'x' | 'y' | 'width' | 'height'>[], plan?: { width: number; height: number } | null) {
  if (plan && plan.width > 0 && plan.height > 0) return plan;
  let width = 1;
  let height = 1;
  for (const b of booths) {
    width = Math.max(width, b.x + b.width);
    height = Math.max(height, b.y + b.height);
  }
  return { width, height };
}

/** The API's availability of one booth at a fair, as the map query and the live channel carry it. */
export type Availability = 'FREE' | 'HELD' | 'OFFERED' | 'PENDING_APPROVAL' | 'CONFIRMED' | 'CLOSED';

/** What the map shows: the viewer's own booth first, then closed, taken (held/offered, pending, booked), reserved, free. */
export function mapStatus(b: { status: string; state?: string | null; mine?: boolean | null }): MapStatus {
  if (b.mine && b.status !== 'FREE' && b.status !== 'CLOSED') return 'MINE';
  switch (b.status) {
    case 'CLOSED':
      return 'CLOSED';
    case 'HELD':
    case 'OFFERED':
      return 'HELD';
    case 'PENDING_APPROVAL':
      return 'PENDING';
    case 'CONFIRMED':
      return 'BOOKED';
    default:
      return b.state === 'RESERVED' ? 'RESERVED' : b.state === 'CLOSED' ? 'CLOSED' : 'FREE';
  }
}

/** Pixels per plan unit that draw the smallest booth `minPx` wide (plans may use metres or finer units). */
export function minBoothScale(booths: readonly Pick<MapBooth, 'width' | 'height'>[], minPx = 36): number {
  let smallest = Infinity;
  for (const b of booths) smallest = Math.min(smallest, b.width, b.height);
  return Number.isFinite(smallest) && smallest > 0 ? minPx / smallest : 1;
}
