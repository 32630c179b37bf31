import { describe, expect, it } from '@jest/globals';
import { queueFilter, readQueueParams, writeQueueParams } from './queue-params.js';

describe('queue params', () => {
  it('defaults to pending, first page, no filters', () => {
    const q = readQueueParams(new URLSearchParams());
    expect(q).toEqual({ status: 'PENDING', regionCode: null, search: '', page: 1 });
    expect(writeQueueParams(q).toString()).toBe('');
    expect(queueFilter(q)).toEqual({ status: 'PENDING' });
  });

  it('round-trips every filter', () => {
    const q = { status: null, regionCode: '371302', search: '沂蒙', page: 3 } as const;
    const back = readQueueParams(writeQueueParams(q));
    expect(back).toEqual(q);
    expect(queueFilter(back)).toEqual({ regionCode: '371302', search: '沂蒙' });
  });

  it('ignores nonsense', () => {
    expect(readQueueParams(new URLSearchParams('status=BOGUS&page=-2'))).toMatchObject({ status: 'PENDING', page: 1 });
  });
});
