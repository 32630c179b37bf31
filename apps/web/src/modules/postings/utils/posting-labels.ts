import { EDUCATION_LEVELS, EXPERIENCE_LEVELS, OCCUPATION_CATEGORIES, OCCUPATION_MAJOR_GROUPS } from '@leye/domain';
import type { TFunction } from 'i18next';
import type { PostingStatus } from '../../../generated/graphql.js';

type Key = 'zh' | 'en';

export const POSTING_STATUSES: readonly PostingStatus[] = ['PENDING_REVIEW', 'APPROVED', 'REJECTED', 'EXPIRED', 'WITHDRAWN'];

/** Tag colours: waiting amber, published green, rejected red, ended grey. */
export const POSTING_STATUS_COLOR: Record<PostingStatus, string> = {
  PENDING_REVIEW: 'gold',
  APPROVED: 'green',
  REJECTED: 'red',
  EXPIRED: 'default',
  WITHDRAWN: 'default',
};

export const occupationLabel = (code: string, key: Key) => OCCUPATION_CATEGORIES.find((o) => o.code === code)?.[key] ?? code;
export const educationLabel = (code: string, key: Key) => EDUCATION_LEVELS.find((o) => o.code === code)?.[key] ?? code;
export const experienceLabel = (code: string, key: Key) => EXPERIENCE_LEVELS.find((o) => o.code === code)?.[key] ?? code;

/** Occupation options grouped by the 职业分类大典 major group. */
export function occupationOptions(key: Key) {
  return OCCUPATION_MAJOR_GROUPS.flatMap((g) => {
    const options = OCCUPATION_CATEGORIES.filter((o) => o.group === g.code).map((o) => ({ value: o.code as string, label: o[key] }));
    return options.length ? [{ label: `${g.code} ${g[key]}`, title: g[key], options }] : [];
  });
}

export const educationOptions = (key: Key) => EDUCATION_LEVELS.map((e) => ({ value: e.code as string, label: e[key] }));
export const experienceOptions = (key: Key) => EXPERIENCE_LEVELS.map((e) => ({ value: e.code as string, label: e[key] }));

/** "5000–8000 元/月", "面议" … */
export function salaryText(t: TFunction, min: number | null | undefined, max: number | null | undefined): string {
  if (min != null && max != null) return t('postings:salary.range', { min: min.toLocaleString(), max: max.toLocaleString() });
  if (min != null) return t('postings:salary.from', { min: min.toLocaleString() });
  if (max != null) return t('postings:salary.upTo', { max: max.toLocaleString() });
  return t('postings:salary.negotiable');
}
