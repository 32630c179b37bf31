import { describe, expect, it } from '@jest/globals';
import { refreshDelay } from './refresh-delay.js';

describe('refreshDelay', () => {
  it('refreshes a minute early for a 15-minute token', () => {
    expect(refreshDelay(900_000, 0)).toBe(840_000);
  });
  it('refreshes at three quarters of a short lifetime', () => {
    expect(refreshDelay(60_000, 0)).toBe(45_000);
  });
  it('waits at least five seconds, even for an expired token', () => {
    expect(refreshDelay(1_000, 0)).toBe(5_000);
    expect(refreshDelay(0, 10_000)).toBe(5_000);
  });
  it('does nothing without an expiry', () => {
    expect(refreshDelay(null, 0)).toBeNull();
  });
});
