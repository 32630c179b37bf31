import { describe, expect, it } from '@jest/globals';
import { applyBoothChange, countByStatus, formatCountdown, isPickable, mapExtent, mapStatus, minBoothScale, type MapBooth } from './booth-map.js';

const b = (id: string, status: MapBooth['status'], employerName: string | null = null): MapBooth => ({
  id,
  code: id.toUpperCase(),
  zone: 'A',
  type: 'STANDARD',
  x: 0,
  y: 0,
  width: 3,
  height: 3,
  status,
  employerName,
});

describe('booth map helpers', () => {
  it('applies a live change to one booth only, keeping the name unless the change carries one', () => {
    const booths = [b('a01', 'FREE'), b('a02', 'BOOKED', '临沂矿业')];
    const next = applyBoothChange(booths, { boothId: 'a01', status: 'BOOKED', employerName: '鲁南制药' });
    expect(next[0]).toMatchObject({ status: 'BOOKED', employerName: '鲁南制药' });
    expect(next[1]).toBe(booths[1]);
    expect(applyBoothChange(next, { boothId: 'a02', status: 'CLOSED' })[1]).toMatchObject({ status: 'CLOSED', employerName: '临沂矿业' });
    expect(applyBoothChange(booths, { boothId: 'zz', status: 'FREE' })).toBe(booths);
  });

  it('words countdowns', () => {
    expect(formatCountdown(5 * 60_000)).toBe('5:00');
    expect(formatCountdown(61_001)).toBe('1:02');
    expect(formatCountdown(9_000)).toBe('0:09');
    expect(formatCountdown(-4)).toBe('0:00');
    expect(formatCountdown(3_600_000 + 65_000)).toBe('1:01:05');
  });

  it('only free booths can be picked; counts per status', () => {
    expect(isPickable('FREE')).toBe(true);
    expect(['HELD', 'PENDING', 'BOOKED', 'RESERVED', 'CLOSED', 'MINE'].some((s) => isPickable(s as MapBooth['status']))).toBe(false);
    expect(countByStatus([b('a', 'FREE'), b('b', 'FREE'), b('c', 'MINE')])).toMatchObject({ FREE: 2, MINE: 1, BOOKED: 0 });
  });

  it('takes the plan size, or the booths bounding box', () => {
    expect(mapExtent([], { width: 40, height: 20 })).toEqual({ width: 40, height: 20 });
    expect(mapExtent([{ x: 10, y: 2, width: 3, height: 3 }])).toEqual({ width: 13, height: 5 });
  });
});

describe('mapStatus', () => {
  it('shows the viewer its own booth, reserved free booths as reserved, and taken ones by stage', () => {
    expect(mapStatus({ status: 'CONFIRMED', mine: true })).toBe('MINE');
    expect(mapStatus({ status: 'HELD', mine: true })).toBe('MINE');
    expect(mapStatus({ status: 'FREE', state: 'RESERVED' })).toBe('RESERVED');
    expect(mapStatus({ status: 'FREE', state: 'OPEN' })).toBe('FREE');
    expect(mapStatus({ status: 'OFFERED' })).toBe('HELD');
    expect(mapStatus({ status: 'PENDING_APPROVAL' })).toBe('PENDING');
    expect(mapStatus({ status: 'CONFIRMED', state: 'RESERVED' })).toBe('BOOKED');
    expect(mapStatus({ status: 'CLOSED', mine: false })).toBe('CLOSED');
  });
});

describe('minBoothScale', () => {
  it('draws the smallest booth 36 px wide in any unit', () => {
    expect(minBoothScale([{ width: 3, height: 3 }, { width: 6, height: 3 }])).toBe(12);
    expect(minBoothScale([{ width: 36, height: 36 }])).toBe(1);
    expect(minBoothScale([])).toBe(1);
  });
});
