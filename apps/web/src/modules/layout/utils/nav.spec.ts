import { describe, expect, it } from '@jest/globals';
import { selectedNavPath } from './nav.js';

describe('selectedNavPath', () => {
  const items = [{ path: '/organizer' }, { path: '/organizer/employers' }, { path: '/organizer/profile' }];
  it.each([
    ['/organizer', '/organizer'],
    ['/organizer/employers', '/organizer/employers'],
    ['/organizer/employers/42', '/organizer/employers'],
    ['/organizer/employersx', '/organizer'],
    ['/employer', undefined],
  ])('%s -> %s', (pathname, expected) => {
    expect(selectedNavPath(items, pathname)).toBe(expected);
  });
});
