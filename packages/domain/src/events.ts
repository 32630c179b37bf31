/** The five kinds of event in the calendar and their subtypes (see GUIDE.md §2). */
export const EVENT_TYPES = ['JOB_FAIR', 'CAMPUS_RECRUITING', 'ENTREPRENEURSHIP', 'LIVESTREAM', 'TRAINING'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const EVENT_SUBTYPES: Record<EventType, readonly string[]> = {
  JOB_FAIR: ['GENERAL', 'INDUSTRY', 'COMMUNITY_MICRO', 'GIG_MARKET'],
  CAMPUS_RECRUITING: ['UNIVERSITY_EXPRESS', 'TALENT_INTRODUCTION'],
  ENTREPRENEURSHIP: ['CONTEST', 'SALON', 'ROADSHOW', 'TRAINING', 'OTHER'],
  LIVESTREAM: ['JOB_PROMOTION', 'AI_DIGITAL_HUMAN'],
  TRAINING: ['SKILLS', 'NIGHT_SCHOOL'],
};

export const EVENT_TYPE_LABELS: Record<EventType, { zh: string; en: string; color: string }> = {
  JOB_FAIR: { zh: '专场招聘会', en: 'Job fair', color: '#1554ad' },
  CAMPUS_RECRUITING: { zh: '名校人才直通车', en: 'Campus recruiting', color: '#7a3ec8' },
  ENTREPRENEURSHIP: { zh: '创业活动', en: 'Entrepreneurship', color: '#d46b08' },
  LIVESTREAM: { zh: '直播带岗', en: 'Livestream', color: '#c41d7f' },
  TRAINING: { zh: '职业技能培训', en: 'Training', color: '#389e0d' },
};

export const EVENT_SUBTYPE_LABELS: Record<string, { zh: string; en: string }> = {
  GENERAL: { zh: '综合类', en: 'General' },
  INDUSTRY: { zh: '行业专场', en: 'Industry' },
  COMMUNITY_MICRO: { zh: '社区微业', en: 'Community micro-fair' },
  GIG_MARKET: { zh: '零工市场', en: 'Gig market' },
  UNIVERSITY_EXPRESS: { zh: '名校人才直通车', en: 'University express' },
  TALENT_INTRODUCTION: { zh: '名校引才', en: 'Talent introduction' },
  CONTEST: { zh: '创业大赛', en: 'Contest' },
  SALON: { zh: '创业沙龙', en: 'Salon' },
  ROADSHOW: { zh: '项目路演', en: 'Roadshow' },
  TRAINING: { zh: '创业培训', en: 'Founder training' },
  OTHER: { zh: '其他', en: 'Other' },
  JOB_PROMOTION: { zh: '直播带岗', en: 'Job promotion' },
  AI_DIGITAL_HUMAN: { zh: 'AI 数字人直播', en: 'AI digital-human stream' },
  SKILLS: { zh: '职业技能培训', en: 'Vocational skills' },
  NIGHT_SCHOOL: { zh: '社区夜校', en: 'Community night school' },
};

export function isValidSubtype(type: EventType, subtype: string): boolean {
  return EVENT_SUBTYPES[type]?.includes(subtype) ?? false;
}

export const EVENT_STATUSES = ['DRAFT', 'PUBLISHED', 'COMPLETED', 'CANCELLED'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];
