import { EDUCATION_LEVELS, EXPERIENCE_LEVELS, OCCUPATION_CATEGORIES } from '@leye/domain';
import type { ApplicationStatus } from '../../../generated/graphql.js';

type DomainKey = 'zh' | 'en';

export const APPLICATION_STATUS_COLOR: Record<ApplicationStatus, string> = {
  SUBMITTED: 'blue',
  VIEWED: 'cyan',
  INTERVIEW: 'orange',
  OFFER: 'purple',
  HIRED: 'green',
  REJECTED: 'default',
  WITHDRAWN: 'default',
};

const label = (list: ReadonlyArray<{ code: string; zh: string; en: string }>, code: string | null | undefined, key: DomainKey) =>
  code ? (list.find((x) => x.code === code)?.[key] ?? code) : null;

export const educationName = (code: string | null | undefined, key: DomainKey) => label(EDUCATION_LEVELS, code, key);
export const experienceName = (code: string | null | undefined, key: DomainKey) => label(EXPERIENCE_LEVELS, code, key);
export const occupationName = (code: string | null | undefined, key: DomainKey) => label(OCCUPATION_CATEGORIES, code, key);

/** Résumé education choices: a person has some education, so "any" (a posting's "no requirement") is not offered. */
export const RESUME_EDUCATION_LEVELS = EDUCATION_LEVELS.filter((e) => e.code !== 'NONE');

/** Monthly pay as a posting states it. */
export function payText(min: number | null | undefined, max: number | null | undefined, zh: boolean): string {
  if (min == null && max == null) return zh ? '薪资面议' : 'Pay negotiable';
  const k = (n: number) => (n >= 1000 ? `${(n / 1000).toFixed(n % 1000 ? 1 : 0)}k` : String(n));
  if (min != null && max != null) return min === max ? `${k(min)}${zh ? '/月' : '/mo'}` : `${k(min)}–${k(max)}${zh ? '/月' : '/mo'}`;
  return `${k((min ?? max)!)}${zh ? (min != null ? '起/月' : '以内/月') : min != null ? '+/mo' : ' max/mo'}`;
}
