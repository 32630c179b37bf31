import { rankMentors, scoreMentorForProject, type MatchMentor, type MatchProject } from './mentors.js';

const project: MatchProject = { needTags: ['ECOMMERCE', 'MARKETING'], industry: 'AGRICULTURE', regionCode: '371325' };
const mentor = (o: Partial<MatchMentor> = {}): MatchMentor => ({ expertise: [], industries: [], regionCode: '371302', load: 0, capacity: 2, ...o });

describe('scoreMentorForProject', () => {
  it.each<[string, Partial<MatchMentor>, number, string[]]>([
    ['nothing in common, all free', {}, 20, ['FREE_CAPACITY']],
    ['one needed tag', { expertise: ['ECOMMERCE', 'LAW'] }, 40, ['EXPERTISE', 'FREE_CAPACITY']],
    ['two needed tags (capped at 40)', { expertise: ['ECOMMERCE', 'MARKETING'] }, 60, ['EXPERTISE', 'FREE_CAPACITY']],
    ['industry', { industries: ['AGRICULTURE'] }, 45, ['INDUSTRY', 'FREE_CAPACITY']],
    ['same county', { regionCode: '371325' }, 35, ['SAME_REGION', 'FREE_CAPACITY']],
    ['city-level mentor', { regionCode: '371300' }, 28, ['CITY_WIDE', 'FREE_CAPACITY']],
    ['half loaded', { load: 1, capacity: 2 }, 10, ['FREE_CAPACITY']],
    ['everything', { expertise: ['ECOMMERCE', 'MARKETING', 'LAW'], industries: ['AGRICULTURE'], regionCode: '371325' }, 100, ['EXPERTISE', 'INDUSTRY', 'SAME_REGION', 'FREE_CAPACITY']],
    ['at capacity scores 0', { expertise: ['ECOMMERCE'], load: 2, capacity: 2 }, 0, ['FULL']],
    ['over capacity scores 0', { load: 3, capacity: 2 }, 0, ['FULL']],
  ])('%s', (_name, m, score, codes) => {
    const result = scoreMentorForProject(mentor(m), project);
    expect(result.score).toBe(score);
    expect(result.reasons.map((r) => r.code)).toEqual(codes);
    expect(result.available).toBe(!codes.includes('FULL'));
  });

  it('names the matching tags once', () => {
    const r = scoreMentorForProject(mentor({ expertise: ['MARKETING'] }), { ...project, needTags: ['MARKETING', 'MARKETING'] });
    expect(r.reasons[0]).toEqual({ code: 'EXPERTISE', points: 20, tags: ['MARKETING'] });
  });
});

describe('rankMentors', () => {
  it('puts available mentors first, then by score, then by lighter load, then by key', () => {
    const ranked = rankMentors(
      [
        { key: 'full', ...mentor({ expertise: ['ECOMMERCE', 'MARKETING'], industries: ['AGRICULTURE'], load: 2 }) },
        { key: 'b', ...mentor({ expertise: ['ECOMMERCE'] }) },
        { key: 'a', ...mentor({ expertise: ['ECOMMERCE'] }) },
        { key: 'best', ...mentor({ expertise: ['ECOMMERCE'], industries: ['AGRICULTURE'], regionCode: '371325' }) },
        { key: 'loaded', ...mentor({ expertise: ['ECOMMERCE'], capacity: 4, load: 2 }) },
      ],
      project,
    );
    expect(ranked.map((r) => [r.key, r.score])).toEqual([['best', 80], ['a', 40], ['b', 40], ['loaded', 30], ['full', 0]]);
  });
});
