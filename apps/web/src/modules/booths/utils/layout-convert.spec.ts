import { describe, expect, it } from '@jest/globals';
import { editorReducer, initialEditorState } from './floor-plan.js';
import { layoutToPlan, planToBoothInputs } from './layout-convert.js';

describe('layout conversion', () => {
  it('round-trips a saved layout, upper-casing codes and computing the area', () => {
    const plan = layoutToPlan({
      width: 40,
      height: 20,
      booths: [{ id: 'b1', code: 'A01', zone: ' 专精特新 ', type: 'CORNER', x: 1, y: 2, width: 3, height: 2.5 }],
    });
    expect(plan.booths[0]).toMatchObject({ key: 'b1', id: 'b1', type: 'CORNER' });
    plan.booths[0]!.code = 'a01 ';
    expect(planToBoothInputs(plan)).toEqual([{ code: 'A01', zone: '专精特新', type: 'CORNER', sizeSqm: 7.5, x: 1, y: 2, width: 3, height: 2.5 }]);
  });

  it('keeps a saved area until the booth is resized', () => {
    const plan = layoutToPlan({ width: 40, height: 20, booths: [{ id: 'b1', code: 'A05', zone: '', type: 'PREMIUM', sizeSqm: 18, x: 1, y: 2, width: 3, height: 3 }] });
    expect(planToBoothInputs(plan)[0]!.sizeSqm).toBe(18);
    const resized = editorReducer(initialEditorState(plan), { type: 'update', key: 'b1', patch: { width: 4 } });
    expect(planToBoothInputs(resized.plan)[0]!.sizeSqm).toBe(12);
  });
});
