import { describe, expect, it } from '@jest/globals';
import { conversion } from './funnel.js';

describe('conversion', () => {
  it('is the share of applications that reached a stage, in whole per cent', () => {
    const f = { submitted: 8, viewed: 6, interview: 3, offer: 1, hired: 1 };
    expect([conversion(f, 'submitted'), conversion(f, 'viewed'), conversion(f, 'interview'), conversion(f, 'hired')]).toEqual([100, 75, 38, 13]);
  });
  it('is 0 without applications', () => {
    expect(conversion({ submitted: 0, viewed: 0, interview: 0, offer: 0, hired: 0 }, 'hired')).toBe(0);
  });
});
