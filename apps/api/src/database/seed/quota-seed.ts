import type { DataSource } from 'typeorm';

interface SeedQuota {
  key: string;
  programme: string;
  name: string;
  nameEn: string;
  target: number | null;
  unit: string;
  unitEn: string;
  clause: string;
  clauseText: string;
  kind: 'MEASURE' | 'CADENCE' | 'REPORTED';
  measureKey: string | null;
  params: Record<string, unknown>;
}

/** GUIDE.md §2 and the general requirements (一) of 临政发〔2025〕4号: the city's yearly quotas. */
export const SEED_QUOTAS: readonly SeedQuota[] = [
  {
    key: 'job-fair-cadence', programme: 'JOB_FAIRS', name: '专场招聘洽谈会频次', nameEn: 'Job fair cadence', target: null, unit: '周/月', unitEn: 'slots',
    clause: '（八）', clauseText: '分级分类举办专场招聘洽谈会，用工旺季每周1场，用工淡季每月2场。', kind: 'CADENCE', measureKey: 'events.completed', params: { types: ['JOB_FAIR'] },
  },
  {
    key: 'job-fair-admitted', programme: 'JOB_FAIRS', name: '招聘会入场求职者', nameEn: 'Seekers admitted to job fairs', target: null, unit: '人', unitEn: 'people',
    clause: '（八）', clauseText: '做精现场招聘，聚焦重点产业用工需求。', kind: 'MEASURE', measureKey: 'attendance.unique', params: { types: ['JOB_FAIR'] },
  },
  {
    key: 'campus-trips', programme: 'CAMPUS_RECRUITING', name: '名校引才活动', nameEn: 'Elite-university recruiting trips', target: 10, unit: '场次', unitEn: 'events',
    clause: '（八）', clauseText: '强化“临沂—名校人才直通车”品牌效应，年均组织名校引才活动10场次以上。', kind: 'MEASURE', measureKey: 'events.completed', params: { types: ['CAMPUS_RECRUITING'] },
  },
  {
    key: 'entrepreneurship-events', programme: 'ENTREPRENEURSHIP', name: '创业促进活动', nameEn: 'Entrepreneurship events', target: 80, unit: '场次', unitEn: 'events',
    clause: '（十二）', clauseText: '每年支持多主体举办多层次、多元化创业大赛、创业沙龙、项目路演、创业培训等各类创业促进活动80场次以上。',
    kind: 'MEASURE', measureKey: 'events.completed', params: { types: ['ENTREPRENEURSHIP'] },
  },
  {
    key: 'livestreams', programme: 'LIVESTREAM', name: '“乐业临沂”直播带岗场次', nameEn: 'Livestream job promotions', target: null, unit: '场', unitEn: 'broadcasts',
    clause: '（八）', clauseText: '打造“乐业临沂”直播带岗人社服务品牌，创新“AI数字人”直播送岗全天候线上招聘模式。', kind: 'MEASURE', measureKey: 'broadcasts.count', params: {},
  },
  {
    key: 'livestream-viewers', programme: 'LIVESTREAM', name: '直播带岗观看人数', nameEn: 'Livestream viewers', target: null, unit: '人', unitEn: 'viewers',
    clause: '（八）', clauseText: '做优线上招聘。', kind: 'MEASURE', measureKey: 'broadcasts.viewers', params: {},
  },
  {
    key: 'mentor-pool', programme: 'MENTOR_POOL', name: '创业导师库', nameEn: 'Entrepreneurship mentor pool', target: 100, unit: '人', unitEn: 'mentors',
    clause: '（十二）', clauseText: '开展创业导师工作室认定，建立不少于100人的创业导师库。', kind: 'MEASURE', measureKey: 'mentors.pool', params: {},
  },
  {
    key: 'training-participations', programme: 'TRAINING', name: '职业技能培训', nameEn: 'Vocational training', target: 100000, unit: '人次', unitEn: 'person-times',
    clause: '（四）', clauseText: '力争年均开展各类职业培训10万人次以上。打造“社区夜校”微技能培训品牌。',
    kind: 'MEASURE', measureKey: 'attendance.participations', params: { types: ['TRAINING'] },
  },
  {
    key: 'urban-employment', programme: 'EMPLOYMENT', name: '城镇新增就业', nameEn: 'New urban employment', target: 90000, unit: '人', unitEn: 'people',
    clause: '一、总体要求', clauseText: '2025—2030年，全市每年城镇新增就业9万人以上。', kind: 'REPORTED', measureKey: null, params: { aggregation: 'SUM' },
  },
  {
    key: 'high-skill-workers', programme: 'EMPLOYMENT', name: '新增高技能人才', nameEn: 'New high-skill workers', target: 20000, unit: '人', unitEn: 'people',
    clause: '一、总体要求', clauseText: '年均新增高技能劳动者2万人以上。', kind: 'REPORTED', measureKey: null, params: { aggregation: 'SUM' },
  },
  {
    key: 'graduate-employment-rate', programme: 'EMPLOYMENT', name: '离校未就业高校毕业生就业率', nameEn: 'Employment rate of unemployed graduates', target: 90, unit: '%', unitEn: '%',
    clause: '一、总体要求', clauseText: '离校未就业高校毕业生就业率保持在90%以上。', kind: 'REPORTED', measureKey: null, params: { aggregation: 'LATEST' },
  },
];

export const SEED_YEARS = [2025, 2026, 2027] as const;

/** Inserts the seeded quotas that are missing (an admin's later edits are kept). */
export async function seedQuotas(ds: DataSource): Promise<void> {
  for (const year of SEED_YEARS) {
    for (const [i, s] of SEED_QUOTAS.entries()) {
      await ds.query(
        `INSERT INTO quota_definition (programme, name, name_en, region_code, period_start, period_end, target, unit, unit_en, clause, clause_text, kind, measure_key, params, sort_order, seed_key)
         VALUES ($1, $2, $3, '371300', make_date($4, 1, 1), make_date($4, 12, 31), $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
         ON CONFLICT (seed_key) DO NOTHING`,
        [s.programme, s.name, s.nameEn, year, s.target, s.unit, s.unitEn, s.clause, s.clauseText, s.kind, s.measureKey, JSON.stringify(s.params), i * 10, `${s.key}:${year}:371300`],
      );
    }
  }
}
