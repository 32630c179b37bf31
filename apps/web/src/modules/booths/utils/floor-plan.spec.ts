import { describe, expect, it } from '@jest/globals';
import {
  arrowDelta,
  editorReducer,
  fitViewBox,
  freeSpot,
  generateRow,
  initialEditorState,
  nextCode,
  overlaps,
  resizeFrom,
  snap,
  validatePlan,
  type FloorPlan,
  type PlanBooth,
  type RowSpec,
} from './floor-plan.js';

const booth = (key: string, code: string, x: number, y: number, width = 3, height = 3): PlanBooth => ({
  key,
  code,
  zone: 'A',
  type: 'STANDARD',
  x,
  y,
  width,
  height,
});
const plan = (booths: PlanBooth[], width = 30, height = 20): FloorPlan => ({ width, height, booths });
const ROW: RowSpec = { prefix: 'A', start: 1, count: 10, direction: 'RIGHT', spacing: 0, width: 3, height: 3, x: 1, y: 2, zone: '专精特新', type: 'STANDARD' };

describe('generateRow', () => {
  it('makes A01..A10 side by side to the right', () => {
    const row = generateRow(ROW, 1);
    expect(row.map((b) => b.code)).toEqual(['A01', 'A02', 'A03', 'A04', 'A05', 'A06', 'A07', 'A08', 'A09', 'A10']);
    expect(row.map((b) => b.x)).toEqual([1, 4, 7, 10, 13, 16, 19, 22, 25, 28]);
    expect(new Set(row.map((b) => b.y))).toEqual(new Set([2]));
    expect(row.every((b) => b.zone === '专精特新' && b.width === 3 && b.height === 3)).toBe(true);
    expect(new Set(row.map((b) => b.key)).size).toBe(10);
  });

  it('goes down with spacing, and pads to three digits when the row reaches 100', () => {
    const row = generateRow({ ...ROW, prefix: 'B', start: 98, count: 3, direction: 'DOWN', spacing: 0.5, height: 2 }, 5);
    expect(row.map((b) => b.code)).toEqual(['B098', 'B099', 'B100']);
    expect(row.map((b) => b.y)).toEqual([2, 4.5, 7]);
    expect(row.map((b) => b.key)).toEqual(['new-5', 'new-6', 'new-7']);
  });

  it('makes nothing for a count of zero', () => {
    expect(generateRow({ ...ROW, count: 0 }, 1)).toEqual([]);
  });
});

describe('overlaps', () => {
  it('lets booths touch but not share area', () => {
    expect(overlaps(booth('a', 'A01', 0, 0), booth('b', 'A02', 3, 0))).toBe(false);
    expect(overlaps(booth('a', 'A01', 0, 0), booth('b', 'A02', 2.5, 0))).toBe(true);
    expect(overlaps(booth('a', 'A01', 0, 0), booth('b', 'A02', 1, 1, 1, 1))).toBe(true);
    expect(overlaps(booth('a', 'A01', 0, 0), booth('b', 'A02', 0, 3))).toBe(false);
    // Floating-point noise at the shared edge is not an overlap.
    expect(overlaps(booth('a', 'A01', 0.1 + 0.2, 0), booth('b', 'A02', 3.3, 0))).toBe(false);
  });
});

describe('validatePlan', () => {
  it('accepts a generated row', () => {
    expect(validatePlan(plan(generateRow(ROW, 1), 40))).toEqual([]);
  });

  it('finds duplicate codes regardless of case and spaces, and empty codes', () => {
    const issues = validatePlan(plan([booth('a', 'A01', 0, 0), booth('b', ' a01', 5, 0), booth('c', '', 10, 0)]));
    expect(issues).toEqual([
      { kind: 'EMPTY_CODE', keys: ['c'] },
      { kind: 'DUPLICATE_CODE', code: 'A01', keys: ['a', 'b'] },
    ]);
  });

  it('finds overlaps and booths outside the plan', () => {
    const issues = validatePlan(plan([booth('a', 'A01', 0, 0), booth('b', 'A02', 2, 2), booth('c', 'A03', 28, 0), booth('d', 'A04', 10, 10)]));
    expect(issues).toContainEqual({ kind: 'OVERLAP', codes: ['A01', 'A02'], keys: ['a', 'b'] });
    expect(issues).toContainEqual({ kind: 'OUTSIDE', code: 'A03', keys: ['c'] });
    expect(issues.some((i) => i.keys.includes('d'))).toBe(false);
  });

  it('flags codes the API would refuse', () => {
    const issues = validatePlan(plan([booth('a', 'A1234', 0, 0), booth('b', 'ABC1', 5, 0), booth('c', 'b07', 10, 0)]));
    expect(issues).toEqual([
      { kind: 'BAD_CODE', code: 'A1234', keys: ['a'] },
      { kind: 'BAD_CODE', code: 'ABC1', keys: ['b'] },
    ]);
  });

  it('flags booths smaller than a metre', () => {
    expect(validatePlan(plan([booth('a', 'A01', 0, 0, 0.5, 3)]))).toEqual([{ kind: 'TOO_SMALL', code: 'A01', keys: ['a'] }]);
  });
});

describe('helpers', () => {
  it('snaps to the grid without float noise', () => {
    expect(snap(1.26, 0.5)).toBe(1.5);
    expect(snap(0.1 + 0.2, 0.1)).toBe(0.3);
    expect(snap(1.234, 0)).toBe(1.234);
  });

  it('continues codes after the highest of a prefix', () => {
    expect(nextCode([booth('a', 'A07', 0, 0), booth('b', 'A02', 0, 0), booth('c', 'B20', 0, 0)], 'A')).toBe('A08');
    expect(nextCode([], 'C')).toBe('C01');
  });

  it('finds a free spot', () => {
    expect(freeSpot(plan([booth('a', 'A01', 0, 0)]), 3, 3, 1)).toEqual({ x: 3, y: 0 });
  });

  it('resizes from a corner keeping the opposite one, never below a metre', () => {
    expect(resizeFrom({ x: 2, y: 2, width: 3, height: 3 }, 'se', 1, 2)).toEqual({ x: 2, y: 2, width: 4, height: 5 });
    expect(resizeFrom({ x: 2, y: 2, width: 3, height: 3 }, 'nw', 1, -1)).toEqual({ x: 3, y: 1, width: 2, height: 4 });
    expect(resizeFrom({ x: 2, y: 2, width: 3, height: 3 }, 'ne', -5, 0)).toEqual({ x: 2, y: 2, width: 1, height: 3 });
  });

  it('maps arrows to nudges and fits the view', () => {
    expect(arrowDelta('ArrowLeft', false)).toEqual({ dx: -1, dy: 0 });
    expect(arrowDelta('ArrowDown', true)).toEqual({ dx: 0, dy: 5 });
    expect(arrowDelta('a', false)).toBeNull();
    expect(fitViewBox({ width: 30, height: 20 })).toEqual({ x: -1, y: -1, width: 32, height: 22 });
  });
});

describe('editorReducer', () => {
  const start = () => initialEditorState(plan([booth('a', 'A01', 0, 0), booth('b', 'A02', 3, 0)]), 0.5);

  it('moves with snapping and keeps the booth inside the plan', () => {
    let s = editorReducer(start(), { type: 'move', key: 'a', x: 5.2, y: 7.9 });
    expect(s.plan.booths[0]).toMatchObject({ x: 5, y: 8 });
    expect(s.dirty).toBe(true);
    s = editorReducer(s, { type: 'move', key: 'a', x: 100, y: -4 });
    expect(s.plan.booths[0]).toMatchObject({ x: 27, y: 0 });
  });

  it('nudges the selection by grid steps', () => {
    let s = editorReducer(start(), { type: 'select', key: 'b' });
    s = editorReducer(s, { type: 'select', key: 'a', additive: true });
    s = editorReducer(s, { type: 'nudge', dx: 2, dy: 1 });
    expect(s.plan.booths.map((b) => [b.x, b.y])).toEqual([
      [1, 0.5],
      [4, 0.5],
    ]);
  });

  it('adds a booth in a free spot with the next code, selected', () => {
    const s = editorReducer(start(), { type: 'add' });
    const added = s.plan.booths.at(-1)!;
    expect(added).toMatchObject({ code: 'A03', x: 6, y: 0, key: 'new-1' });
    expect(s.selected).toEqual(['new-1']);
  });

  it('deletes the selection', () => {
    let s = editorReducer(start(), { type: 'select', key: 'a' });
    s = editorReducer(s, { type: 'delete' });
    expect(s.plan.booths.map((b) => b.key)).toEqual(['b']);
    expect(s.selected).toEqual([]);
  });

  it('generates a row with fresh keys and selects it', () => {
    let s = editorReducer(start(), { type: 'generateRow', spec: { ...ROW, prefix: 'B', count: 3, y: 10 } });
    s = editorReducer(s, { type: 'generateRow', spec: { ...ROW, prefix: 'C', count: 2, y: 14 } });
    expect(s.plan.booths.map((b) => b.code)).toEqual(['A01', 'A02', 'B01', 'B02', 'B03', 'C01', 'C02']);
    expect(new Set(s.plan.booths.map((b) => b.key)).size).toBe(7);
    expect(s.selected).toEqual(['new-4', 'new-5']);
    expect(validatePlan(s.plan)).toEqual([]);
  });

  it('edits fields and resizes', () => {
    let s = editorReducer(start(), { type: 'update', key: 'a', patch: { code: 'Z9', zone: '名特优新', type: 'CORNER' } });
    s = editorReducer(s, { type: 'resize', key: 'b', x: 3, y: 0, width: 4.2, height: 6 });
    expect(s.plan.booths[0]).toMatchObject({ code: 'Z9', zone: '名特优新', type: 'CORNER' });
    expect(s.plan.booths[1]).toMatchObject({ width: 4, height: 6 });
  });

  it('is clean again after load and after saving', () => {
    let s = editorReducer(start(), { type: 'add' });
    s = editorReducer(s, { type: 'saved', plan: s.plan });
    expect(s.dirty).toBe(false);
    expect(s.selected).toEqual(['new-1']);
  });
});

describe('plan size and group moves', () => {
  it('resizes the plan in whole metres within 10–10000; booths left outside are listed, not moved', () => {
    const s0 = initialEditorState(plan([booth('a', 'A01', 1, 1), booth('b', 'A02', 24, 1)]));
    const smaller = editorReducer(s0, { type: 'setSize', width: 20.4, height: 5 });
    expect([smaller.plan.width, smaller.plan.height, smaller.dirty]).toEqual([20, 10, true]);
    expect(smaller.plan.booths.find((b) => b.key === 'b')!.x).toBe(24);
    expect(validatePlan(smaller.plan).filter((i) => i.kind === 'OUTSIDE').map((i) => i.keys)).toEqual([['b']]);
    expect(editorReducer(s0, { type: 'setSize', width: 30, height: 20 })).toBe(s0);
  });

  it('drags selected booths together, snapped, and stops the group at the edges', () => {
    const a = booth('a', 'A01', 2, 2);
    const b = booth('b', 'A02', 6, 4);
    const c = booth('c', 'A03', 20, 10);
    const s0 = { ...initialEditorState(plan([a, b, c])), grid: 1 };
    const moved = editorReducer(s0, { type: 'moveGroup', key: 'a', booths: [a, b], dx: 3.4, dy: 1.2 });
    expect(moved.plan.booths.map((x) => [x.code, x.x, x.y])).toEqual([['A01', 5, 3], ['A02', 9, 5], ['A03', 20, 10]]);
    // Far to the left and down: the group stops where its first booth meets x = 0 and its lowest the bottom edge.
    const edge = editorReducer(s0, { type: 'moveGroup', key: 'b', booths: [a, b], dx: -50, dy: 50 });
    expect(edge.plan.booths.slice(0, 2).map((x) => [x.x, x.y])).toEqual([[0, 15], [4, 17]]);
  });
});
