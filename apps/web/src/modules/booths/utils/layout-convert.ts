import { normalizeCode, tidy, type BoothType, type FloorPlan } from './floor-plan.js';

/** Plan units are metres: a layout's width and height, and each booth's position and size. */
interface LayoutLike {
  width: number;
  height: number;
  booths: readonly { id: string; code: string; zone: string; type: string; sizeSqm?: number | null; x: number; y: number; width: number; height: number }[];
}

export function layoutToPlan(layout: LayoutLike): FloorPlan {
  return {
    width: layout.width,
    height: layout.height,
    booths: layout.booths.map((b) => ({
      key: b.id,
      id: b.id,
      code: b.code,
      zone: b.zone,
      type: b.type as BoothType,
      x: b.x,
      y: b.y,
      width: b.width,
      height: b.height,
      sizeSqm: b.sizeSqm ?? null,
    })),
  };
}

export interface BoothInputLike {
  code: string;
  zone: string;
  type: BoothType;
  sizeSqm: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The full set of booths to save (the API matches them by code), codes upper-cased; a booth keeps its saved area until resized. */
export function planToBoothInputs(plan: FloorPlan): BoothInputLike[] {
  return plan.booths.map((b) => ({
    code: normalizeCode(b.code),
    zone: b.zone.trim(),
    type: b.type,
    sizeSqm: Math.max(0.5, tidy(b.sizeSqm ?? b.width * b.height)),
    x: tidy(b.x),
    y: tidy(b.y),
    width: tidy(b.width),
    height: tidy(b.height),
  }));
}
