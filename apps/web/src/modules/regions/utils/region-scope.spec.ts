import { describe, expect, it } from '@jest/globals';
import { regionScope } from './region-scope.js';

describe('regionScope', () => {
  it('lets city staff act everywhere and county staff only in their county', () => {
    expect(regionScope({ code: '371300', level: 'CITY' })).toBeNull();
    expect(regionScope(null)).toBeNull();
    expect(regionScope({ code: '371302', level: 'DISTRICT' })).toEqual(['371302']);
    expect(regionScope({ code: '371321', level: 'COUNTY' })).toEqual(['371321']);
  });
});
