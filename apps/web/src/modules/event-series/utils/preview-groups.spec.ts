import { describe, expect, it } from '@jest/globals';
import { adjustmentReason, countMoves, moveDirection, type PreviewOccurrence } from './preview-groups.js';

const occ = (patch: Partial<PreviewOccurrence>): PreviewOccurrence => ({
  occurrenceKey: '2026-12-01', date: '2026-12-01', startsAt: '', endsAt: '', adjustment: 'NONE', holidayName: null, venueConflict: null, ...patch,
});

describe('moved dates in the series preview', () => {
  // The preview used to count "12/1 → 11/30" under 顺延 (postponed) while labelling it 提前 (brought forward).
  const earlier = occ({ adjustment: 'MOVED', date: '2026-11-30', reason: 'OUTSIDE_PEAK_DAYS' });
  const later = occ({ occurrenceKey: '2026-10-01', date: '2026-10-09', adjustment: 'MOVED', reason: 'HOLIDAY', holidayName: '国庆节' });

  it('counts each moved date under the direction its label shows', () => {
    expect(moveDirection(earlier)).toBe('EARLIER');
    expect(moveDirection(later)).toBe('LATER');
    expect(countMoves([earlier, later, occ({})])).toEqual({ earlier: 1, later: 1 });
  });

  it('says why a date moved: the holiday it avoids, or the rule that brought it forward', () => {
    expect(adjustmentReason(earlier)).toEqual({ key: 'series:preview.reasons.OUTSIDE_PEAK_DAYS', values: { holiday: '', date: '' } });
    expect(adjustmentReason(later)).toEqual({ key: 'series:preview.reasons.HOLIDAY', values: { holiday: '国庆节', date: '' } });
    expect(adjustmentReason(occ({}))).toBeNull();
  });
});
