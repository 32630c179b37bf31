import { actor } from '../../common/permissions/actor.fixture.js';
import { boothRules } from './booths.permissions.js';

describe('booth rules', () => {
  it('lets an employer act on its own bookings only', () => {
    const own = actor('EMPLOYER', null, 'e1');
    expect(boothRules['booth.ownBooking'](own, { employerId: 'e1', regionCode: '371302' })).toBe(true);
    expect(boothRules['booth.ownBooking'](own, { employerId: 'e2', regionCode: '371302' })).toBe(false);
    expect(boothRules['booth.ownBooking'](actor('ORGANIZER', '371302'), { employerId: 'e1', regionCode: '371302' })).toBe(false);
    expect(boothRules['booth.book'](own, undefined)).toBe(true);
    expect(boothRules['booth.book'](actor('SEEKER'), undefined)).toBe(false);
  });

  it('keeps a county organizer to its own county, the city organizer everywhere', () => {
    expect(boothRules['booth.manageFair'](actor('ORGANIZER', '371302'), { regionCode: '371302' })).toBe(true);
    expect(boothRules['booth.manageFair'](actor('ORGANIZER', '371325'), { regionCode: '371302' })).toBe(false);
    expect(boothRules['booth.manageLayouts'](actor('ORGANIZER', '371300'), { regionCode: '371325' })).toBe(true);
    expect(boothRules['booth.markPriority'](actor('EMPLOYER', null, 'e1'), { regionCode: '371302' })).toBe(false);
  });

  it('shows a published fair to anyone and a draft only to staff covering it', () => {
    expect(boothRules['booth.viewFair'](undefined, { regionCode: '371302', published: true })).toBe(true);
    expect(boothRules['booth.viewFair'](undefined, { regionCode: '371302', published: false })).toBe(false);
    expect(boothRules['booth.viewFair'](actor('ORGANIZER', '371302'), { regionCode: '371302', published: false })).toBe(true);
  });
});
