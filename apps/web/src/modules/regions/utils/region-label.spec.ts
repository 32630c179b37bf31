import { describe, expect, it } from '@jest/globals';
import { regionLabel, regionOptions } from './region-label.js';

describe('regionLabel', () => {
  it('names a region by code or object in both languages', () => {
    expect(regionLabel('371302', 'zh-CN')).toBe('兰山区');
    expect(regionLabel('371302', 'en')).toBe('Lanshan District');
    expect(regionLabel({ code: 'x', name: '某地', nameEn: 'Somewhere' }, 'en')).toBe('Somewhere');
    expect(regionLabel('999999', 'zh-CN')).toBe('999999');
    expect(regionLabel(null, 'zh-CN')).toBeNull();
  });

  it('can leave the city out of the options', () => {
    expect(regionOptions('zh-CN').map((o) => o.value)).toContain('371300');
    expect(regionOptions('zh-CN', { includeCity: false }).map((o) => o.value)).not.toContain('371300');
  });
});
