import { actor } from '../../common/permissions/actor.fixture.js';
import { applicationRules } from './applications.permissions.js';

const app = { seekerId: 'me', employerId: 'e1', employerRegionCode: '371302' };
const seeker = { ...actor('SEEKER'), id: 'me' };

describe('application rules', () => {
  it("lets the seeker who sent it and the posting's employer read an application, nobody else (organizers neither)", () => {
    expect(applicationRules['application.read'](seeker, app)).toBe(true);
    expect(applicationRules['application.read']({ ...seeker, id: 'other' }, app)).toBe(false);
    expect(applicationRules['application.read'](actor('EMPLOYER', '371302', 'e1'), app)).toBe(true);
    expect(applicationRules['application.read'](actor('EMPLOYER', '371302', 'e2'), app)).toBe(false);
    expect(applicationRules['application.read'](actor('ORGANIZER', '371300'), app)).toBe(false);
    expect(applicationRules['application.read'](actor('ADMIN'), app)).toBe(false);
    expect(applicationRules['application.read'](undefined, app)).toBe(false);
  });

  it('lets only the employer move it and only the seeker withdraw it', () => {
    expect(applicationRules['application.move'](actor('EMPLOYER', '371302', 'e1'), app)).toBe(true);
    expect(applicationRules['application.move'](seeker, app)).toBe(false);
    expect(applicationRules['application.withdraw'](seeker, app)).toBe(true);
    expect(applicationRules['application.withdraw'](actor('EMPLOYER', '371302', 'e1'), app)).toBe(false);
  });

  it('gives organizers of the region counts, not lists', () => {
    expect(applicationRules['application.funnel'](actor('ORGANIZER', '371302'), app)).toBe(true);
    expect(applicationRules['application.funnel'](actor('ORGANIZER', '371325'), app)).toBe(false);
    expect(applicationRules['application.listForPosting'](actor('ORGANIZER', '371302'), app)).toBe(false);
    expect(applicationRules['application.fairFunnel'](actor('ORGANIZER', '371300'), { regionCode: '371325' })).toBe(true);
    expect(applicationRules['application.fairFunnel'](actor('EMPLOYER', '371302', 'e1'), { regionCode: '371302' })).toBe(false);
  });
});
