/**
 * Job postings (岗位): classifications, the checks both the API and the form apply, and the phrase
 * matcher behind the review flags.
 */

/** The 8 major groups (大类) of 中华人民共和国职业分类大典 (2022 edition). */
export const OCCUPATION_MAJOR_GROUPS = [
  { code: '1', zh: '党的机关、国家机关、群众团体和社会组织、企事业单位负责人', en: 'Leaders of organs, organisations, enterprises and institutions' },
  { code: '2', zh: '专业技术人员', en: 'Professional and technical personnel' },
  { code: '3', zh: '办事人员和有关人员', en: 'Clerks and related personnel' },
  { code: '4', zh: '社会生产服务和生活服务人员', en: 'Social production and life service personnel' },
  { code: '5', zh: '农、林、牧、渔业生产及辅助人员', en: 'Agriculture, forestry, animal husbandry and fishery' },
  { code: '6', zh: '生产制造及有关人员', en: 'Production, manufacturing and related personnel' },
  { code: '7', zh: '军队人员', en: 'Military personnel' },
  { code: '8', zh: '不便分类的其他从业人员', en: 'Others not classifiable' },
] as const;

/**
 * Occupation categories a posting is filed under: common occupations grouped by their 大典 major group.
 * The codes are the platform's own (major group + two digits), not the 大典's occupation codes; "x.99"
 * is "other" in each group. Keep codes stable: postings and the urgent-shortage list store them.
 */
export const OCCUPATION_CATEGORIES = [
  { code: '1.01', group: '1', zh: '企业经营管理负责人', en: 'Enterprise managers' },
  { code: '2.01', group: '2', zh: '工程技术人员', en: 'Engineers and technicians' },
  { code: '2.02', group: '2', zh: '软件和信息技术人员', en: 'Software and IT professionals' },
  { code: '2.03', group: '2', zh: '电子商务师', en: 'E-commerce specialists' },
  { code: '2.04', group: '2', zh: '医生', en: 'Doctors' },
  { code: '2.05', group: '2', zh: '护士', en: 'Nurses' },
  { code: '2.06', group: '2', zh: '教师', en: 'Teachers' },
  { code: '2.07', group: '2', zh: '会计与审计人员', en: 'Accountants and auditors' },
  { code: '2.08', group: '2', zh: '药学技术人员', en: 'Pharmacists' },
  { code: '2.99', group: '2', zh: '其他专业技术人员', en: 'Other professionals' },
  { code: '3.01', group: '3', zh: '行政办事员', en: 'Administrative clerks' },
  { code: '3.02', group: '3', zh: '文员与客服', en: 'Office clerks and customer service' },
  { code: '3.99', group: '3', zh: '其他办事人员', en: 'Other clerks' },
  { code: '4.01', group: '4', zh: '营销与销售人员', en: 'Sales and marketing' },
  { code: '4.02', group: '4', zh: '仓储与物流人员', en: 'Warehouse and logistics' },
  { code: '4.03', group: '4', zh: '快递员与配送员', en: 'Couriers and delivery' },
  { code: '4.04', group: '4', zh: '道路运输驾驶员', en: 'Drivers' },
  { code: '4.05', group: '4', zh: '餐饮服务人员', en: 'Catering' },
  { code: '4.06', group: '4', zh: '养老护理员', en: 'Elderly care workers' },
  { code: '4.07', group: '4', zh: '育婴员与家政服务员', en: 'Childcare and domestic workers' },
  { code: '4.08', group: '4', zh: '保安员', en: 'Security guards' },
  { code: '4.09', group: '4', zh: '直播销售员', en: 'Livestream sales' },
  { code: '4.99', group: '4', zh: '其他服务人员', en: 'Other service workers' },
  { code: '5.01', group: '5', zh: '农业生产人员', en: 'Crop farming' },
  { code: '5.02', group: '5', zh: '林业与畜牧业人员', en: 'Forestry and livestock' },
  { code: '5.99', group: '5', zh: '其他农林牧渔人员', en: 'Other agriculture' },
  { code: '6.01', group: '6', zh: '机械加工人员（车工、铣工、数控）', en: 'Machining (lathe, milling, CNC)' },
  { code: '6.02', group: '6', zh: '焊工', en: 'Welders' },
  { code: '6.03', group: '6', zh: '电工', en: 'Electricians' },
  { code: '6.04', group: '6', zh: '装配与生产线操作工', en: 'Assembly and line operators' },
  { code: '6.05', group: '6', zh: '木材加工人员', en: 'Wood processing' },
  { code: '6.06', group: '6', zh: '食品加工人员', en: 'Food processing' },
  { code: '6.07', group: '6', zh: '化工生产人员', en: 'Chemical production' },
  { code: '6.08', group: '6', zh: '纺织服装人员', en: 'Textiles and garments' },
  { code: '6.09', group: '6', zh: '建筑施工人员', en: 'Construction workers' },
  { code: '6.10', group: '6', zh: '设备维修人员', en: 'Equipment maintenance' },
  { code: '6.11', group: '6', zh: '质量检验人员', en: 'Quality inspectors' },
  { code: '6.99', group: '6', zh: '其他生产制造人员', en: 'Other production workers' },
  { code: '8.99', group: '8', zh: '其他从业人员', en: 'Other occupations' },
] as const;
export type OccupationCode = (typeof OCCUPATION_CATEGORIES)[number]['code'];
export const OCCUPATION_CODES: readonly string[] = OCCUPATION_CATEGORIES.map((o) => o.code);
export const isOccupationCode = (code: unknown): code is OccupationCode => typeof code === 'string' && OCCUPATION_CODES.includes(code);

/** Minimum education (GB/T 4658-2006 codes, grouped as postings state them); NONE = no requirement. */
export const EDUCATION_LEVELS = [
  { code: 'NONE', zh: '不限', en: 'Any' },
  { code: '70', zh: '初中', en: 'Junior high school' },
  { code: '60', zh: '高中', en: 'Senior high school' },
  { code: '40', zh: '中专/职高/技校', en: 'Secondary vocational' },
  { code: '30', zh: '大专', en: 'College (associate)' },
  { code: '20', zh: '本科', en: "Bachelor's" },
  { code: '14', zh: '硕士', en: "Master's" },
  { code: '11', zh: '博士', en: 'Doctorate' },
] as const;
export const EDUCATION_CODES: readonly string[] = EDUCATION_LEVELS.map((e) => e.code);

export const EXPERIENCE_LEVELS = [
  { code: 'NONE', zh: '经验不限', en: 'No experience needed' },
  { code: 'Y1', zh: '1年以下', en: 'Under 1 year' },
  { code: 'Y1_3', zh: '1–3年', en: '1–3 years' },
  { code: 'Y3_5', zh: '3–5年', en: '3–5 years' },
  { code: 'Y5_10', zh: '5–10年', en: '5–10 years' },
  { code: 'Y10', zh: '10年以上', en: '10+ years' },
] as const;
export const EXPERIENCE_CODES: readonly string[] = EXPERIENCE_LEVELS.map((e) => e.code);

export const POSTING_LIMITS = {
  titleMax: 60,
  descriptionMax: 5000,
  headcountMax: 9999,
  /** Monthly pay in CNY. */
  salaryMax: 1_000_000,
  /** validUntil: at most this many days after today (Asia/Shanghai). */
  validDaysMax: 180,
} as const;

/** Why a salary range is not acceptable, or null. Both missing is allowed (flagged for review). */
export function salaryRangeProblem(min: number | null | undefined, max: number | null | undefined): 'SALARY_MIN_ABOVE_MAX' | 'SALARY_NEGATIVE' | null {
  if ((min != null && min < 0) || (max != null && max < 0)) return 'SALARY_NEGATIVE';
  if (min != null && max != null && min > max) return 'SALARY_MIN_ABOVE_MAX';
  return null;
}

/** Adds days to a YYYY-MM-DD date (calendar arithmetic, no time zone involved). */
export function addDaysIso(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Today's date in Asia/Shanghai as YYYY-MM-DD. */
export function shanghaiToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Why a valid-until date is not acceptable (must be after today and at most 180 days ahead), or null. */
export function validUntilProblem(validUntil: string, today: string): 'VALID_UNTIL_INVALID' | 'VALID_UNTIL_PAST' | 'VALID_UNTIL_TOO_FAR' | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(validUntil) || Number.isNaN(new Date(`${validUntil}T00:00:00Z`).getTime())) return 'VALID_UNTIL_INVALID';
  if (new Date(`${validUntil}T00:00:00Z`).toISOString().slice(0, 10) !== validUntil) return 'VALID_UNTIL_INVALID';
  if (validUntil <= today) return 'VALID_UNTIL_PAST';
  if (validUntil > addDaysIso(today, POSTING_LIMITS.validDaysMax)) return 'VALID_UNTIL_TOO_FAR';
  return null;
}

/** What a flagged phrase is about. HYPE is "高薪/保录"-style promises (the 2026 online recruitment notice). */
export const PHRASE_CATEGORIES = ['GENDER', 'AGE', 'HUKOU_REGION', 'MARITAL_CHILDBEARING', 'ETHNICITY_RELIGION', 'HEALTH', 'APPEARANCE', 'HYPE', 'OTHER'] as const;
export type PhraseCategory = (typeof PHRASE_CATEGORIES)[number];

export interface FlagPhrase {
  phrase: string;
  category: PhraseCategory | string;
}

export interface PhraseHit {
  phrase: string;
  category: string;
  /** The text as it appears in the posting. */
  matched: string;
}

/** The largest phrase the list accepts; `#` stands for a number (e.g. "#岁以下" matches 35岁以下). */
export const PHRASE_MAX_LENGTH = 30;

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The phrase as a safe regular expression: literal text, `#` = digits, whitespace ignored, case-insensitive. */
export function phrasePattern(phrase: string): RegExp {
  const parts = [...phrase.replace(/\s+/g, '')].map((c) => (c === '#' ? '[0-9０-９一二三四五六七八九十]+' : escapeRegex(c)));
  return new RegExp(parts.join('\\s*'), 'giu');
}

/** Every phrase of the list that occurs in the texts (each phrase reported once, with the first text it matched). */
export function findFlaggedPhrases(texts: Array<string | null | undefined>, phrases: readonly FlagPhrase[]): PhraseHit[] {
  const hits: PhraseHit[] = [];
  const joined = texts.filter(Boolean).join('\n');
  for (const p of phrases) {
    if (!p.phrase.replace(/[\s#]/g, '')) continue;
    const m = phrasePattern(p.phrase).exec(joined);
    if (m) hits.push({ phrase: p.phrase, category: p.category, matched: m[0] });
  }
  return hits;
}

/** The default phrase list (DOMAIN.md "Phrases worth flagging"), seeded once; organizers maintain it after. */
export const DEFAULT_FLAG_PHRASES: readonly FlagPhrase[] = [
  ...['限男', '限女', '男性优先', '女性优先', '男士优先', '女士优先', '仅限男性', '仅限女性', '只招男', '只招女', '男生优先', '女生优先'].map((phrase) => ({ phrase, category: 'GENDER' })),
  ...['#岁以下', '#岁以内', '#周岁以下', '#周岁以内', '年龄#-#岁', '年龄#至#岁', '#后优先'].map((phrase) => ({ phrase, category: 'AGE' })),
  ...['限本地户籍', '本地户籍', '本地人优先', '限本地人', '仅限本地', '外地人勿扰', '户口要求', '限城镇户口', '农村户口勿扰'].map((phrase) => ({ phrase, category: 'HUKOU_REGION' })),
  ...['已婚已育', '已婚未育勿扰', '未婚', '已婚优先', '未育', '三年内不要孩子', '不生育', '孕期勿扰', '妊娠检查', '孕检'].map((phrase) => ({ phrase, category: 'MARITAL_CHILDBEARING' })),
  ...['限汉族', '汉族优先', '限民族', '少数民族勿扰', '信仰'].map((phrase) => ({ phrase, category: 'ETHNICITY_RELIGION' })),
  ...['乙肝勿扰', '乙肝携带者勿扰', '身体残疾勿扰'].map((phrase) => ({ phrase, category: 'HEALTH' })),
  ...['五官端正', '形象气质佳', '身高#以上'].map((phrase) => ({ phrase, category: 'APPEARANCE' })),
  ...['人勿扰'].map((phrase) => ({ phrase, category: 'OTHER' })),
  ...['高薪', '保录', '包录取', '保过', '包过', '月入过万', '轻松月入', '躺赚'].map((phrase) => ({ phrase, category: 'HYPE' })),
];
