import { describe, expect, it } from '@jest/globals';
import { EVENT_SUBTYPES, EVENT_TYPES } from '@leye/domain';
import { eventDetailFields, eventSubtypeOptions, eventTypeLabel, eventTypeOptions, eventTypeTint } from './event-type.js';

describe('event type presentation', () => {
  it('labels every type in both languages', () => {
    expect(eventTypeLabel('JOB_FAIR', 'zh')).toBe('专场招聘会');
    expect(eventTypeLabel('JOB_FAIR', 'en')).toBe('Job fair');
    expect(eventTypeOptions('zh').map((o) => o.value)).toEqual([...EVENT_TYPES]);
    for (const o of eventTypeOptions('en')) expect(o.color).toMatch(/^#[0-9a-f]{6}$/i);
  });

  it('offers the subtypes of the chosen type, or all of them qualified by type', () => {
    expect(eventSubtypeOptions('CAMPUS_RECRUITING', 'zh').map((o) => o.value)).toEqual(['UNIVERSITY_EXPRESS', 'TALENT_INTRODUCTION']);
    const all = eventSubtypeOptions(null, 'zh');
    expect(all).toHaveLength(Object.values(EVENT_SUBTYPES).flat().length);
    expect(all.find((o) => o.value === 'NIGHT_SCHOOL')?.label).toBe('职业技能培训 · 社区夜校');
  });

  it('asks for industry only on industry fairs, and campus fields on campus recruiting', () => {
    expect(eventDetailFields('JOB_FAIR', 'INDUSTRY')).toEqual({ industry: true, campus: false });
    expect(eventDetailFields('JOB_FAIR', 'GENERAL')).toEqual({ industry: false, campus: false });
    expect(eventDetailFields('CAMPUS_RECRUITING', 'UNIVERSITY_EXPRESS')).toEqual({ industry: false, campus: true });
  });

  it('tints the type colour', () => {
    expect(eventTypeTint('JOB_FAIR', 0.5)).toBe('rgba(21, 84, 173, 0.5)');
  });
});
