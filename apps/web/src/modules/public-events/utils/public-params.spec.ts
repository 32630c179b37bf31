import { describe, expect, it } from '@jest/globals';
import { publicFilter, readPublicParams, writePublicParams } from './public-params.js';

describe('public event list params', () => {
  it('reads valid values and drops the rest', () => {
    expect(readPublicParams(new URLSearchParams('type=JOB_FAIR&region=371302&from=2027-03-01&to=2027-02-31&q= 夜校 &page=0'))).toEqual({
      type: 'JOB_FAIR',
      regionCode: '371302',
      from: '2027-03-01',
      to: null,
      text: '夜校',
      page: 1,
    });
    expect(readPublicParams(new URLSearchParams('type=PARTY')).type).toBeNull();
  });

  it('round-trips', () => {
    const p = { type: 'TRAINING' as const, regionCode: '371321', from: '2027-05-01', to: '2027-05-31', text: '电商', page: 3 };
    expect(readPublicParams(writePublicParams(p))).toEqual(p);
    expect(writePublicParams({ type: null, regionCode: null, from: null, to: null, text: '', page: 1 }).toString()).toBe('');
  });

  it('lists upcoming events by default and never drafts', () => {
    const now = new Date('2027-03-17T02:00:00Z');
    expect(publicFilter(readPublicParams(new URLSearchParams()), now)).toEqual({
      from: '2027-03-17T02:00:00.000Z',
      statuses: ['PUBLISHED', 'CANCELLED', 'COMPLETED'],
    });
  });

  it('includes the whole last day of a chosen range, in Shanghai time', () => {
    const filter = publicFilter(readPublicParams(new URLSearchParams('from=2027-05-01&to=2027-05-31&type=JOB_FAIR')), new Date());
    expect(filter.from).toBe('2027-04-30T16:00:00.000Z');
    expect(filter.to).toBe('2027-05-31T16:00:00.000Z');
    expect(filter.types).toEqual(['JOB_FAIR']);
  });
});
