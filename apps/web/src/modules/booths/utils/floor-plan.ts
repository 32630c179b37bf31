/**
 * Pure floor-plan editing: the organizer editor's state, its reducer and the checks shown before
 * saving (codes unique and filled, no two booths overlapping, every booth inside the plan).
 * Coordinates are metres from the plan's top-left corner; the editor snaps them to a grid.
 */

export const BOOTH_TYPES = ['STANDARD', 'CORNER', 'PREMIUM'] as const;
export type BoothType = (typeof BOOTH_TYPES)[number];

export interface PlanBooth {
  /** Stable within the editor (an existing booth's id, or `new-<n>` for one added here). */
  key: string;
  /** The saved booth's id; absent for a booth not saved yet. */
  id?: string | null;
  code: string;
  zone: string;
  type: BoothType;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The saved area in m², kept until the booth is resized (then it is width × height). */
  sizeSqm?: number | null;
}

export interface FloorPlan {
  width: number;
  height: number;
  booths: PlanBooth[];
}

export interface EditorState {
  plan: FloorPlan;
  /** Keys of the selected booths (the side panel edits the first one). */
  selected: string[];
  grid: number;
  /** Counter for keys of booths added in the editor. */
  nextKey: number;
  dirty: boolean;
}

export type Direction = 'RIGHT' | 'DOWN';

export interface RowSpec {
  prefix: string;
  start: number;
  count: number;
  direction: Direction;
  /** Gap between two booths of the row, in metres. */
  spacing: number;
  width: number;
  height: number;
  /** Top-left corner of the first booth. */
  x: number;
  y: number;
  zone: string;
  type: BoothType;
}

export type EditorAction =
  | { type: 'load'; plan: FloorPlan }
  | { type: 'select'; key: string | null; additive?: boolean }
  | { type: 'move'; key: string; x: number; y: number }
  /** Several selected booths dragged together: their positions when the drag began, and how far the pointer went. */
  | { type: 'moveGroup'; key: string; booths: readonly PlanBooth[]; dx: number; dy: number }
  | { type: 'resize'; key: string; x: number; y: number; width: number; height: number }
  | { type: 'nudge'; dx: number; dy: number }
  | { type: 'add'; x?: number; y?: number }
  | { type: 'delete' }
  | { type: 'update'; key: string; patch: Partial<Omit<PlanBooth, 'key' | 'id'>> }
  | { type: 'generateRow'; spec: RowSpec }
  | { type: 'setSize'; width: number; height: number }
  | { type: 'setGrid'; grid: number }
  | { type: 'saved'; plan: FloorPlan };

/** A booth sign: one or two letters and one to three digits (A01, AB123), as the API accepts it. */
export const BOOTH_CODE = /^[A-Z]{1,2}[0-9]{1,3}$/;
export const DEFAULT_BOOTH = { width: 3, height: 3 } as const;
export const MIN_BOOTH = 1;
/** A plan's width and height, whole metres (as the API stores them). */
export const PLAN_MIN = 10;
export const PLAN_MAX = 10000;
const EPS = 1e-6;

/** Rounds away floating-point noise (0.1 + 0.2) to millimetres. */
export function tidy(n: number): number {
  return Math.round(n * 1000) / 1000;
}

export function snap(value: number, grid: number): number {
  return grid > 0 ? tidy(Math.round(value / grid) * grid) : tidy(value);
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value));
}

export function initialEditorState(plan: FloorPlan, grid = 0.5): EditorState {
  return { plan, selected: [], grid, nextKey: 1, dirty: false };
}

/** `A` + 1 → `A01`; numbers are padded to two digits, or more when the row needs them (A001..A100). */
export function boothCode(prefix: string, n: number, digits = 2): string {
  return `${prefix}${String(n).padStart(digits, '0')}`;
}

/** The booths of a generated row, in order, with keys from `firstKey` on. */
export function generateRow(spec: RowSpec, firstKey: number): PlanBooth[] {
  const count = Math.max(0, Math.floor(spec.count));
  const digits = Math.max(2, String(spec.start + count - 1).length);
  const stepX = spec.direction === 'RIGHT' ? spec.width + spec.spacing : 0;
  const stepY = spec.direction === 'DOWN' ? spec.height + spec.spacing : 0;
  return Array.from({ length: count }, (_, i) => ({
    key: `new-${firstKey + i}`,
    code: boothCode(spec.prefix.trim(), spec.start + i, digits),
    zone: spec.zone.trim(),
    type: spec.type,
    x: tidy(spec.x + i * stepX),
    y: tidy(spec.y + i * stepY),
    width: spec.width,
    height: spec.height,
  }));
}

/** True when the two booths share some area (touching edges is fine: booths stand side by side). */
export function overlaps(a: Pick<PlanBooth, 'x' | 'y' | 'width' | 'height'>, b: Pick<PlanBooth, 'x' | 'y' | 'width' | 'height'>): boolean {
  return a.x < b.x + b.width - EPS && b.x < a.x + a.width - EPS && a.y < b.y + b.height - EPS && b.y < a.y + a.height - EPS;
}

export function insidePlan(booth: Pick<PlanBooth, 'x' | 'y' | 'width' | 'height'>, plan: Pick<FloorPlan, 'width' | 'height'>): boolean {
  return booth.x >= -EPS && booth.y >= -EPS && booth.x + booth.width <= plan.width + EPS && booth.y + booth.height <= plan.height + EPS;
}

export type PlanIssue =
  | { kind: 'EMPTY_CODE'; keys: [string] }
  | { kind: 'BAD_CODE'; code: string; keys: [string] }
  | { kind: 'DUPLICATE_CODE'; code: string; keys: string[] }
  | { kind: 'OVERLAP'; codes: [string, string]; keys: [string, string] }
  | { kind: 'OUTSIDE'; code: string; keys: [string] }
  | { kind: 'TOO_SMALL'; code: string; keys: [string] };

/** Codes compare without case or surrounding spaces: `a01 ` and `A01` are the same booth sign. */
export function normalizeCode(code: string): string {
  return code.trim().toUpperCase();
}

/** Everything that stops a plan from being saved, in a stable order. */
export function validatePlan(plan: FloorPlan): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const byCode = new Map<string, string[]>();
  for (const b of plan.booths) {
    const code = normalizeCode(b.code);
    if (!code) {
      issues.push({ kind: 'EMPTY_CODE', keys: [b.key] });
      continue;
    }
    if (!BOOTH_CODE.test(code)) issues.push({ kind: 'BAD_CODE', code: b.code, keys: [b.key] });
    byCode.set(code, [...(byCode.get(code) ?? []), b.key]);
  }
  for (const [code, keys] of byCode) if (keys.length > 1) issues.push({ kind: 'DUPLICATE_CODE', code, keys });
  for (const b of plan.booths) {
    if (b.width < MIN_BOOTH - EPS || b.height < MIN_BOOTH - EPS) issues.push({ kind: 'TOO_SMALL', code: b.code, keys: [b.key] });
    if (!insidePlan(b, plan)) issues.push({ kind: 'OUTSIDE', code: b.code, keys: [b.key] });
  }
  // Sweep along x: only booths whose x-ranges meet can overlap (fine for the few thousand booths of a hall).
  const sorted = [...plan.booths].sort((a, b) => a.x - b.x);
  for (let i = 0; i < sorted.length; i += 1) {
    const a = sorted[i]!;
    for (let j = i + 1; j < sorted.length; j += 1) {
      const b = sorted[j]!;
      if (b.x >= a.x + a.width - EPS) break;
      if (overlaps(a, b)) issues.push({ kind: 'OVERLAP', codes: [a.code, b.code], keys: [a.key, b.key] });
    }
  }
  return issues;
}

/** Keys of the booths that have any issue (drawn in red). */
export function keysWithIssues(issues: readonly PlanIssue[]): Set<string> {
  return new Set(issues.flatMap((i) => i.keys));
}

/** The next free code after the highest of `prefix` (A07 exists → A08). */
export function nextCode(booths: readonly PlanBooth[], prefix = 'A'): string {
  const p = prefix.toUpperCase();
  let max = 0;
  for (const b of booths) {
    const code = normalizeCode(b.code);
    if (!code.startsWith(p)) continue;
    const n = Number(code.slice(p.length));
    if (Number.isInteger(n)) max = Math.max(max, n);
  }
  return boothCode(prefix, max + 1);
}

/** A free spot for a new booth of the given size: the first grid position, row by row, where it overlaps nothing. */
export function freeSpot(plan: FloorPlan, width: number, height: number, grid: number): { x: number; y: number } {
  const step = Math.max(grid, 0.5);
  for (let y = 0; y + height <= plan.height + EPS; y = tidy(y + step)) {
    for (let x = 0; x + width <= plan.width + EPS; x = tidy(x + step)) {
      const spot = { x, y, width, height };
      if (!plan.booths.some((b) => overlaps(b, spot))) return { x, y };
    }
  }
  return { x: 0, y: 0 };
}

function mapBooths(state: EditorState, keys: readonly string[], f: (b: PlanBooth) => PlanBooth): EditorState {
  if (keys.length === 0) return state;
  const wanted = new Set(keys);
  return { ...state, dirty: true, plan: { ...state.plan, booths: state.plan.booths.map((b) => (wanted.has(b.key) ? f(b) : b)) } };
}

/** Keeps a booth on the plan: a move or resize never leaves it hanging outside. */
function keepInside(b: PlanBooth, plan: FloorPlan): PlanBooth {
  const width = clamp(b.width, MIN_BOOTH, plan.width);
  const height = clamp(b.height, MIN_BOOTH, plan.height);
  return { ...b, width, height, x: tidy(clamp(b.x, 0, plan.width - width)), y: tidy(clamp(b.y, 0, plan.height - height)) };
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case 'load':
      return { ...state, plan: action.plan, selected: [], dirty: false };
    case 'saved':
      return { ...state, plan: action.plan, selected: state.selected.filter((k) => action.plan.booths.some((b) => b.key === k)), dirty: false };
    case 'select': {
      if (action.key === null) return state.selected.length ? { ...state, selected: [] } : state;
      if (!action.additive) return { ...state, selected: [action.key] };
      const has = state.selected.includes(action.key);
      return { ...state, selected: has ? state.selected.filter((k) => k !== action.key) : [...state.selected, action.key] };
    }
    case 'move':
      return mapBooths(state, [action.key], (b) => keepInside({ ...b, x: snap(action.x, state.grid), y: snap(action.y, state.grid) }, state.plan));
    case 'resize':
      return mapBooths(state, [action.key], (b) =>
        keepInside(
          {
            ...b,
            x: snap(action.x, state.grid),
            y: snap(action.y, state.grid),
            width: Math.max(MIN_BOOTH, snap(action.width, state.grid)),
            height: Math.max(MIN_BOOTH, snap(action.height, state.grid)),
            sizeSqm: null,
          },
          state.plan,
        ),
      );
    case 'nudge': {
      const step = state.grid > 0 ? state.grid : 0.5;
      return mapBooths(state, state.selected, (b) => keepInside({ ...b, x: tidy(b.x + action.dx * step), y: tidy(b.y + action.dy * step) }, state.plan));
    }
    case 'add': {
      const { width, height } = DEFAULT_BOOTH;
      const spot =
        action.x !== undefined && action.y !== undefined
          ? { x: snap(action.x, state.grid), y: snap(action.y, state.grid) }
          : freeSpot(state.plan, width, height, state.grid);
      const last = state.plan.booths.at(-1);
      const prefix = /^[A-Za-z]+/.exec(last?.code ?? '')?.[0] ?? 'A';
      const booth = keepInside(
        { key: `new-${state.nextKey}`, code: nextCode(state.plan.booths, prefix), zone: last?.zone ?? '', type: 'STANDARD', ...spot, width, height },
        state.plan,
      );
      return { ...state, dirty: true, nextKey: state.nextKey + 1, selected: [booth.key], plan: { ...state.plan, booths: [...state.plan.booths, booth] } };
    }
    case 'delete': {
      if (state.selected.length === 0) return state;
      const gone = new Set(state.selected);
      return { ...state, dirty: true, selected: [], plan: { ...state.plan, booths: state.plan.booths.filter((b) => !gone.has(b.key)) } };
    }
    case 'update': {
      const patch = { ...action.patch };
      for (const k of ['x', 'y', 'width', 'height'] as const) if (patch[k] !== undefined) patch[k] = tidy(patch[k]);
      if (patch.width !== undefined || patch.height !== undefined) patch.sizeSqm = null;
      return mapBooths(state, [action.key], (b) => ({ ...b, ...patch }));
    }
    case 'generateRow': {
      const row = generateRow({ ...action.spec, x: snap(action.spec.x, state.grid), y: snap(action.spec.y, state.grid) }, state.nextKey);
      return {
        ...state,
        dirty: row.length > 0 || state.dirty,
        nextKey: state.nextKey + row.length,
        selected: row.map((b) => b.key),
        plan: { ...state.plan, booths: [...state.plan.booths, ...row] },
      };
    }
    case 'setSize': {
      // Whole metres within what the API stores; booths that no longer fit are listed as OUTSIDE (saving waits for them).
      const width = clamp(Math.round(action.width), PLAN_MIN, PLAN_MAX);
      const height = clamp(Math.round(action.height), PLAN_MIN, PLAN_MAX);
      if (width === state.plan.width && height === state.plan.height) return state;
      return { ...state, dirty: true, plan: { ...state.plan, width, height } };
    }
    case 'moveGroup': {
      // The dragged booth follows the pointer (snapped); the others keep their places relative to it, and the
      // group stops at the plan's edges as one.
      const lead = action.booths.find((b) => b.key === action.key);
      if (!lead) return state;
      let dx = snap(lead.x + action.dx, state.grid) - lead.x;
      let dy = snap(lead.y + action.dy, state.grid) - lead.y;
      const minX = Math.min(...action.booths.map((b) => b.x));
      const minY = Math.min(...action.booths.map((b) => b.y));
      const maxX = Math.max(...action.booths.map((b) => b.x + b.width));
      const maxY = Math.max(...action.booths.map((b) => b.y + b.height));
      dx = clamp(dx, -minX, Math.max(-minX, state.plan.width - maxX));
      dy = clamp(dy, -minY, Math.max(-minY, state.plan.height - maxY));
      const from = new Map(action.booths.map((b) => [b.key, b]));
      return mapBooths(state, [...from.keys()], (b) => {
        const start = from.get(b.key)!;
        return { ...b, x: tidy(start.x + dx), y: tidy(start.y + dy) };
      });
    }
    case 'setGrid':
      return { ...state, grid: Math.max(0, action.grid) };
  }
}

/** The viewBox that shows the whole plan with a margin (zoom to fit). */
export function fitViewBox(plan: Pick<FloorPlan, 'width' | 'height'>, margin = 1): { x: number; y: number; width: number; height: number } {
  return { x: -margin, y: -margin, width: plan.width + 2 * margin, height: plan.height + 2 * margin };
}

/** Arrow keys → a nudge of one grid step (Shift: five). */
export function arrowDelta(key: string, shift: boolean): { dx: number; dy: number } | null {
  const n = shift ? 5 : 1;
  switch (key) {
    case 'ArrowLeft':
      return { dx: -n, dy: 0 };
    case 'ArrowRight':
      return { dx: n, dy: 0 };
    case 'ArrowUp':
      return { dx: 0, dy: -n };
    case 'ArrowDown':
      return { dx: 0, dy: n };
    default:
      return null;
  }
}

export type Handle = 'nw' | 'ne' | 'sw' | 'se';

/** The rectangle after dragging one corner handle by (dx, dy) metres; the opposite corner stays put. */
export function resizeFrom(
  b: Pick<PlanBooth, 'x' | 'y' | 'width' | 'height'>,
  handle: Handle,
  dx: number,
  dy: number,
): { x: number; y: number; width: number; height: number } {
  let { x, y, width, height } = b;
  if (handle === 'nw' || handle === 'sw') {
    const w = Math.max(MIN_BOOTH, width - dx);
    x = x + width - w;
    width = w;
  } else {
    width = Math.max(MIN_BOOTH, width + dx);
  }
  if (handle === 'nw' || handle === 'ne') {
    const h = Math.max(MIN_BOOTH, height - dy);
    y = y + height - h;
    height = h;
  } else {
    height = Math.max(MIN_BOOTH, height + dy);
  }
  return { x: tidy(x), y: tidy(y), width: tidy(width), height: tidy(height) };
}
