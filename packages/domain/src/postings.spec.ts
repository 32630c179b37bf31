import { describe, expect, it } from '@jest/globals';
import {
  DEFAULT_FLAG_PHRASES,
  OCCUPATION_CATEGORIES,
  OCCUPATION_MAJOR_GROUPS,
  addDaysIso,
  findFlaggedPhrases,
  isOccupationCode,
  salaryRangeProblem,
  shanghaiToday,
  validUntilProblem,
} from './postings.js';

describe('job posting rules', () => {
  it('accepts a salary range with min ≤ max, or no pay at all, and refuses the rest', () => {
    expect(salaryRangeProblem(5000, 8000)).toBeNull();
    expect(salaryRangeProblem(5000, 5000)).toBeNull();
    expect(salaryRangeProblem(null, null)).toBeNull();
    expect(salaryRangeProblem(5000, undefined)).toBeNull();
    expect(salaryRangeProblem(9000, 6000)).toBe('SALARY_MIN_ABOVE_MAX');
    expect(salaryRangeProblem(-1, 6000)).toBe('SALARY_NEGATIVE');
  });

  it('wants a valid-until date after today and at most 180 days ahead', () => {
    const today = '2026-12-02';
    expect(validUntilProblem('2026-12-03', today)).toBeNull();
    expect(validUntilProblem(addDaysIso(today, 180), today)).toBeNull();
    expect(validUntilProblem(today, today)).toBe('VALID_UNTIL_PAST');
    expect(validUntilProblem(addDaysIso(today, 181), today)).toBe('VALID_UNTIL_TOO_FAR');
    expect(validUntilProblem('2027-02-30', today)).toBe('VALID_UNTIL_INVALID');
    expect(validUntilProblem('tomorrow', today)).toBe('VALID_UNTIL_INVALID');
  });

  it('computes today in Asia/Shanghai', () => {
    expect(shanghaiToday(new Date('2026-12-01T16:30:00Z'))).toBe('2026-12-02');
    expect(shanghaiToday(new Date('2026-12-01T15:59:00Z'))).toBe('2026-12-01');
    expect(addDaysIso('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('files every occupation category under one of the 8 major groups, with unique codes', () => {
    const groups = new Set(OCCUPATION_MAJOR_GROUPS.map((g) => g.code));
    expect(groups.size).toBe(8);
    expect(OCCUPATION_CATEGORIES.every((o) => groups.has(o.group) && o.code.startsWith(`${o.group}.`))).toBe(true);
    expect(new Set(OCCUPATION_CATEGORIES.map((o) => o.code)).size).toBe(OCCUPATION_CATEGORIES.length);
    expect(isOccupationCode('6.01')).toBe(true);
    expect(isOccupationCode('9.99')).toBe(false);
  });
});

describe('flagged phrases', () => {
  const list = DEFAULT_FLAG_PHRASES;

  it('finds discriminatory terms and hype, saying which phrase, which category and the text as written', () => {
    const hits = findFlaggedPhrases(['仓库管理员 高薪', '限男，35岁以下，限本地户籍，已婚已育优先'], list);
    expect(hits).toEqual(
      expect.arrayContaining([
        { phrase: '限男', category: 'GENDER', matched: '限男' },
        { phrase: '#岁以下', category: 'AGE', matched: '35岁以下' },
        { phrase: '限本地户籍', category: 'HUKOU_REGION', matched: '限本地户籍' },
        { phrase: '已婚已育', category: 'MARITAL_CHILDBEARING', matched: '已婚已育' },
        { phrase: '高薪', category: 'HYPE', matched: '高薪' },
      ]),
    );
  });

  it('matches numbers written in full-width or Chinese numerals, and across spaces', () => {
    expect(findFlaggedPhrases(['年龄要求：３５岁以下'], [{ phrase: '#岁以下', category: 'AGE' }])[0]?.matched).toBe('３５岁以下');
    expect(findFlaggedPhrases(['四十岁以下'], [{ phrase: '#岁以下', category: 'AGE' }])[0]?.matched).toBe('四十岁以下');
    expect(findFlaggedPhrases(['限 男'], [{ phrase: '限男', category: 'GENDER' }])[0]?.matched).toBe('限 男');
  });

  it('treats phrases as literal text (no regular expressions from the list) and passes clean postings', () => {
    expect(findFlaggedPhrases(['a+b'], [{ phrase: '.*', category: 'OTHER' }])).toEqual([]);
    expect(findFlaggedPhrases(['需要 (C++) 经验'], [{ phrase: '(C++)', category: 'OTHER' }])).toHaveLength(1);
    expect(findFlaggedPhrases(['负责数控车床操作，男女不限，五险一金。'], list)).toEqual([]);
    expect(findFlaggedPhrases(['x'], [{ phrase: '##', category: 'AGE' }])).toEqual([]);
  });
});
