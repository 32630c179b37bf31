import { EDUCATION_LEVELS, EXPERIENCE_LEVELS, LINYI_REGIONS, OCCUPATION_CATEGORIES, OCCUPATION_MAJOR_GROUPS, maskPhone } from '@leye/domain';
import type { PostingRow } from './postings.service.js';

/**
 * One approved posting as the provincial job boards take it (clause 七 "1+1+N"): the fields are documented
 * in docs/postings.md. Chinese names alongside codes; the contact phone is masked.
 */
export interface BoardRecord {
  id: string;
  title: string;
  employerName: string;
  /** 统一社会信用代码: public company registration data. */
  employerCreditCode: string;
  occupationCode: string;
  occupationName: string;
  occupationMajorGroup: string;
  occupationMajorGroupName: string;
  urgentShortage: boolean;
  headcount: number;
  salaryMin: number | null;
  salaryMax: number | null;
  /** True when no pay is stated (面议). */
  salaryNegotiable: boolean;
  educationCode: string;
  educationName: string;
  experienceCode: string;
  experienceName: string;
  regionCode: string;
  regionName: string;
  description: string;
  contactName: string;
  contactPhoneMasked: string;
  validUntil: string;
  approvedAt: string | null;
  url: string;
}

export function toBoardRecord(p: PostingRow, baseUrl: string, urgentCodes: Set<string>): BoardRecord {
  const occupation = OCCUPATION_CATEGORIES.find((o) => o.code === p.occupationCode);
  const group = OCCUPATION_MAJOR_GROUPS.find((g) => g.code === occupation?.group);
  return {
    id: p.id,
    title: p.title,
    employerName: p.employerName,
    employerCreditCode: p.employerCreditCode,
    occupationCode: p.occupationCode,
    occupationName: occupation?.zh ?? p.occupationCode,
    occupationMajorGroup: group?.code ?? '',
    occupationMajorGroupName: group?.zh ?? '',
    urgentShortage: urgentCodes.has(p.occupationCode),
    headcount: p.headcount,
    salaryMin: p.salaryMin,
    salaryMax: p.salaryMax,
    salaryNegotiable: p.salaryMin == null && p.salaryMax == null,
    educationCode: p.education,
    educationName: EDUCATION_LEVELS.find((e) => e.code === p.education)?.zh ?? p.education,
    experienceCode: p.experience,
    experienceName: EXPERIENCE_LEVELS.find((e) => e.code === p.experience)?.zh ?? p.experience,
    regionCode: p.regionCode,
    regionName: LINYI_REGIONS.find((r) => r.code === p.regionCode)?.name ?? p.regionCode,
    description: p.description,
    contactName: p.contactName,
    contactPhoneMasked: maskPhone(p.contactPhone) ?? '',
    validUntil: p.validUntil,
    approvedAt: p.reviewedAt ? new Date(p.reviewedAt).toISOString() : null,
    url: `${baseUrl.replace(/\/$/, '')}/jobs/${p.id}`,
  };
}

/** Column order and Chinese headers of the CSV / Excel exports. */
export const BOARD_COLUMNS: Array<{ key: keyof BoardRecord; header: string; width: number }> = [
  { key: 'id', header: '岗位编号', width: 38 },
  { key: 'title', header: '岗位名称', width: 24 },
  { key: 'employerName', header: '单位名称', width: 30 },
  { key: 'employerCreditCode', header: '统一社会信用代码', width: 22 },
  { key: 'occupationCode', header: '职业类别代码', width: 12 },
  { key: 'occupationName', header: '职业类别', width: 24 },
  { key: 'occupationMajorGroupName', header: '职业大类', width: 24 },
  { key: 'urgentShortage', header: '急需紧缺', width: 10 },
  { key: 'headcount', header: '招聘人数', width: 10 },
  { key: 'salaryMin', header: '月薪下限(元)', width: 12 },
  { key: 'salaryMax', header: '月薪上限(元)', width: 12 },
  { key: 'educationName', header: '学历要求', width: 14 },
  { key: 'experienceName', header: '经验要求', width: 14 },
  { key: 'regionName', header: '工作地点', width: 20 },
  { key: 'validUntil', header: '有效期至', width: 12 },
  { key: 'contactName', header: '联系人', width: 12 },
  { key: 'contactPhoneMasked', header: '联系电话', width: 14 },
  { key: 'url', header: '岗位链接', width: 50 },
  { key: 'description', header: '岗位描述', width: 60 },
];

/** A cell as text; values a spreadsheet would run as a formula get a leading apostrophe (CSV injection). */
export function cellText(value: unknown): string {
  if (value == null) return '';
  const text = typeof value === 'boolean' ? (value ? '是' : '否') : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function toCsv(records: BoardRecord[]): string {
  const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [BOARD_COLUMNS.map((c) => quote(c.header)).join(',')];
  for (const r of records) lines.push(BOARD_COLUMNS.map((c) => quote(cellText(r[c.key]))).join(','));
  // BOM: Excel opens UTF-8 CSV with Chinese text correctly only with it.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
