import type { FairBoothFieldsFragment } from '../../../generated/graphql.js';
import { applyBoothChange, mapStatus, type BoothChange, type MapBooth } from './booth-map.js';

export const PRIORITY_CATEGORIES = ['SPECIALIZED_NEW', 'TRADITIONAL_INDUSTRY', 'FAMOUS_QUALITY_NEW'] as const;

/** The API's fair booths as the map draws them; `labelCategory` words a reserved booth's category. */
export function toMapBooths(booths: readonly FairBoothFieldsFragment[], labelCategory: (c: string) => string): MapBooth[] {
  return booths.map((b) => ({
    id: b.boothId,
    code: b.code,
    zone: b.zone,
    type: b.type,
    x: b.x,
    y: b.y,
    width: b.width,
    height: b.height,
    sizeSqm: b.sizeSqm,
    status: mapStatus(b),
    employerName: b.employerName,
    reservedFor: b.reservedCategory ? labelCategory(b.reservedCategory) : null,
  }));
}

/** Live changes (boothId → availability) laid over the loaded booths until the next reload. */
export function withLiveChanges(booths: MapBooth[], loaded: readonly FairBoothFieldsFragment[], live: ReadonlyMap<string, string>): MapBooth[] {
  let out = booths;
  for (const [boothId, status] of live) {
    const base = loaded.find((b) => b.boothId === boothId);
    if (!base) continue;
    // A live change does not say whose booth it is: the viewer's own stays "mine" until reloaded.
    const change: BoothChange = { boothId, status: mapStatus({ status, state: base.state, mine: base.mine && status !== 'FREE' }) };
    if (status === 'FREE') change.employerName = null;
    out = applyBoothChange(out, change);
  }
  return out;
}
