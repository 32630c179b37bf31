/**
 * Entrepreneurship mentors (创业导师) and startup projects (创业项目): the shared vocabulary and the
 * pure matching score used to rank mentor suggestions for a project (clause 十二, 护航行动).
 */

export const MENTOR_STATUSES = ['APPLIED', 'ACTIVE', 'INACTIVE', 'REJECTED'] as const;
export type MentorStatus = (typeof MENTOR_STATUSES)[number];

/** Industries of projects and mentors (a short fixed list; expertise tags are the maintained taxonomy). */
export const MENTOR_INDUSTRIES = [
  'AGRICULTURE', 'MANUFACTURING', 'ECOMMERCE', 'LOGISTICS', 'TRADE', 'FOOD', 'CULTURE_TOURISM', 'IT', 'HEALTH', 'EDUCATION', 'SERVICES', 'OTHER',
] as const;
export type MentorIndustry = (typeof MENTOR_INDUSTRIES)[number];

export const MENTOR_INDUSTRY_LABELS: Record<MentorIndustry, { zh: string; en: string }> = {
  AGRICULTURE: { zh: '现代农业', en: 'Agriculture' },
  MANUFACTURING: { zh: '制造业', en: 'Manufacturing' },
  ECOMMERCE: { zh: '电子商务', en: 'E-commerce' },
  LOGISTICS: { zh: '商贸物流', en: 'Logistics' },
  TRADE: { zh: '批发零售', en: 'Wholesale and retail' },
  FOOD: { zh: '食品加工', en: 'Food processing' },
  CULTURE_TOURISM: { zh: '文化旅游', en: 'Culture and tourism' },
  IT: { zh: '信息技术', en: 'Information technology' },
  HEALTH: { zh: '医疗健康', en: 'Health' },
  EDUCATION: { zh: '教育培训', en: 'Education' },
  SERVICES: { zh: '生活服务', en: 'Consumer services' },
  OTHER: { zh: '其他', en: 'Other' },
};

export const PROJECT_STAGES = ['IDEA', 'STARTING', 'GROWING', 'EXPANDING'] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];

export const PROJECT_SOURCES = ['CONTEST', 'INCUBATOR', 'GUARANTEED_LOAN', 'WALK_IN', 'OTHER'] as const;
export type ProjectSource = (typeof PROJECT_SOURCES)[number];

export const SESSION_MODES = ['ON_SITE', 'ONLINE', 'PHONE'] as const;
export type SessionMode = (typeof SESSION_MODES)[number];

export const FOLLOW_UP_STATUSES = ['OFFERED', 'ACTIVE', 'ENDED', 'DECLINED'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export const FOLLOW_UP_OUTCOMES = ['REGISTERED_BUSINESS', 'FUNDED', 'GROWING', 'PAUSED', 'CLOSED', 'OTHER'] as const;
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number];

export const MENTOR_EVENT_ROLES = ['JUDGE', 'SPEAKER'] as const;
export type MentorEventRole = (typeof MENTOR_EVENT_ROLES)[number];

/** The clause (十二) target: a pool of at least 100 mentors. */
export const MENTOR_POOL_TARGET = 100;
/** A project with no session for this many days shows in the organizers' "nobody is following" list. */
export const PROJECT_QUIET_DAYS = 60;

export const MENTOR_LIMITS = { capacityMax: 20, nameMax: 50, textMax: 200, bioMax: 2000, notesMax: 2000, tagsMax: 12, actionsMax: 10, durationMax: 600 } as const;

/** Mentor certificate numbers: letters, digits and dashes, 4–40 characters (e.g. LYCYDS-2025-001). */
export const CERTIFICATE_NO_PATTERN = /^[A-Za-z0-9][A-Za-z0-9-]{3,39}$/;

// ── Matching ─────────────────────────────────────────────────────────────────

export interface MatchMentor {
  expertise: readonly string[];
  industries: readonly string[];
  regionCode: string;
  /** Projects followed now (offered or active follow-ups). */
  load: number;
  capacity: number;
}

export interface MatchProject {
  /** Expertise tags the project needs help with. */
  needTags: readonly string[];
  industry: string;
  regionCode: string;
}

export type MatchReasonCode = 'EXPERTISE' | 'INDUSTRY' | 'SAME_REGION' | 'CITY_WIDE' | 'FREE_CAPACITY' | 'FULL';

export interface MatchReason {
  code: MatchReasonCode;
  points: number;
  /** The matching expertise tags (EXPERTISE), free places (FREE_CAPACITY). */
  tags?: string[];
  free?: number;
}

export interface MatchScore {
  /** 0–100; 0 when the mentor cannot take another project. */
  score: number;
  /** Whether the mentor can take the project now (below capacity). */
  available: boolean;
  reasons: MatchReason[];
}

/** Points of each part of the score (they add up to 100 at most). */
export const MATCH_WEIGHTS = { expertisePerTag: 20, expertiseMax: 40, industry: 25, sameRegion: 15, cityWide: 8, capacity: 20 } as const;

/**
 * How well a mentor fits a project: expertise tags the project needs (20 each, at most 40), the same
 * industry (25), the same region (15; a city-level mentor 8), and free capacity (up to 20, in proportion
 * to free places). A mentor at capacity scores 0 and is not available.
 */
export function scoreMentorForProject(mentor: MatchMentor, project: MatchProject, cityCode = '371300'): MatchScore {
  const free = Math.max(0, mentor.capacity - mentor.load);
  if (free === 0) return { score: 0, available: false, reasons: [{ code: 'FULL', points: 0 }] };
  const reasons: MatchReason[] = [];
  const tags = project.needTags.filter((t, i, all) => all.indexOf(t) === i && mentor.expertise.includes(t));
  if (tags.length) reasons.push({ code: 'EXPERTISE', points: Math.min(MATCH_WEIGHTS.expertiseMax, tags.length * MATCH_WEIGHTS.expertisePerTag), tags });
  if (mentor.industries.includes(project.industry)) reasons.push({ code: 'INDUSTRY', points: MATCH_WEIGHTS.industry });
  if (mentor.regionCode === project.regionCode) reasons.push({ code: 'SAME_REGION', points: MATCH_WEIGHTS.sameRegion });
  else if (mentor.regionCode === cityCode) reasons.push({ code: 'CITY_WIDE', points: MATCH_WEIGHTS.cityWide });
  reasons.push({ code: 'FREE_CAPACITY', points: Math.round((MATCH_WEIGHTS.capacity * free) / Math.max(1, mentor.capacity)), free });
  return { score: reasons.reduce((s, r) => s + r.points, 0), available: true, reasons };
}

/** Ranks candidates: available first, higher score, then lighter load, then the key (stable, deterministic). */
export function rankMentors<T extends MatchMentor & { key: string }>(mentors: readonly T[], project: MatchProject, cityCode = '371300'): Array<T & MatchScore> {
  return mentors
    .map((m) => ({ ...m, ...scoreMentorForProject(m, project, cityCode) }))
    .sort((a, b) => Number(b.available) - Number(a.available) || b.score - a.score || a.load - b.load || a.key.localeCompare(b.key));
}
