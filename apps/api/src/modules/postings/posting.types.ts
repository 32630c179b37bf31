import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { maskPhone } from '@leye/domain';
import { PostingStatus, type PostingEntity } from './posting.entity.js';

registerEnumType(PostingStatus, {
  name: 'PostingStatus',
  description: 'PENDING_REVIEW → APPROVED | REJECTED (reason); APPROVED/PENDING → EXPIRED after validUntil; WITHDRAWN by its employer.',
});

export enum PostingFlagKind {
  MISSING_PAY = 'MISSING_PAY',
  PHRASE = 'PHRASE',
}
registerEnumType(PostingFlagKind, { name: 'PostingFlagKind' });

export enum ValidityPeriod {
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
  YEAR = 'YEAR',
}
registerEnumType(ValidityPeriod, { name: 'ValidityPeriod' });

export enum SpotCheckResult {
  VALID = 'VALID',
  INVALID = 'INVALID',
}
registerEnumType(SpotCheckResult, { name: 'SpotCheckResult' });

@ObjectType('PostingFlag', { description: 'What a reviewer should look at: pay not stated, or a phrase of the maintained list (which phrase, which category).' })
export class PostingFlagType {
  @Field(() => PostingFlagKind) kind: PostingFlagKind;
  @Field(() => String, { nullable: true, description: 'The list phrase (PHRASE).' }) phrase: string | null;
  @Field(() => String, { nullable: true, description: 'GENDER, AGE, HUKOU_REGION, MARITAL_CHILDBEARING, ETHNICITY_RELIGION, HEALTH, APPEARANCE, HYPE, OTHER.' })
  category: string | null;
  @Field(() => String, { nullable: true, description: 'The text as written in the posting.' }) matched: string | null;
}

@ObjectType('PostingEmployer', { description: 'The employer as a posting shows it (name and region only).' })
export class PostingEmployerType {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field() regionCode: string;
}

@ObjectType('PostingViewerCan')
export class PostingViewerCanType {
  @Field() edit: boolean;
  @Field() withdraw: boolean;
  @Field() approve: boolean;
  @Field() reject: boolean;
}

@ObjectType('JobPosting', { description: '岗位: a job posting. Contact phone is masked except for its employer and reviewers.' })
export class JobPostingType {
  @Field(() => ID) id: string;
  employerId: string;
  /** The employer's region (review scope); not a field. */
  employerRegionCode: string;
  @Field() title: string;
  @Field({ description: 'A code of OCCUPATION_CATEGORIES (@leye/domain).' }) occupationCode: string;
  @Field(() => Int) headcount: number;
  @Field(() => Int, { nullable: true, description: 'Monthly, CNY.' }) salaryMin: number | null;
  @Field(() => Int, { nullable: true, description: 'Monthly, CNY.' }) salaryMax: number | null;
  @Field({ description: 'EDUCATION_LEVELS code (GB/T 4658-2006 grouping) or NONE.' }) education: string;
  @Field({ description: 'EXPERIENCE_LEVELS code.' }) experience: string;
  @Field({ description: 'Where the work is (region code).' }) regionCode: string;
  @Field() description: string;
  @Field() contactName: string;
  @Field({ description: 'Masked (138****0001) unless the caller is its employer or a reviewer.' }) contactPhone: string;
  @Field({ description: 'YYYY-MM-DD, last valid day (Asia/Shanghai).' }) validUntil: string;
  @Field(() => PostingStatus) status: PostingStatus;
  @Field(() => String, { nullable: true }) rejectionReason: string | null;
  @Field(() => Date, { nullable: true }) reviewedAt: Date | null;
  @Field() submittedAt: Date;
  @Field(() => Int) revision: number;
  @Field() createdAt: Date;
  /** Whether review details (flags) are shown to this caller. */
  full: boolean;
}

export function toPostingType(p: PostingEntity & { employerRegionCode: string }, opts: { full: boolean; maskContact: boolean }): JobPostingType {
  return Object.assign(new JobPostingType(), {
    id: p.id,
    employerId: p.employerId,
    employerRegionCode: p.employerRegionCode,
    title: p.title,
    occupationCode: p.occupationCode,
    headcount: p.headcount,
    salaryMin: p.salaryMin,
    salaryMax: p.salaryMax,
    education: p.education,
    experience: p.experience,
    regionCode: p.regionCode,
    description: p.description,
    contactName: p.contactName,
    contactPhone: opts.maskContact ? maskPhone(p.contactPhone)! : p.contactPhone,
    validUntil: p.validUntil,
    status: p.status,
    rejectionReason: opts.full ? p.rejectionReason : null,
    reviewedAt: p.reviewedAt,
    submittedAt: p.submittedAt,
    revision: p.revision,
    createdAt: p.createdAt,
    full: opts.full,
  });
}

@ObjectType('JobPostingPage')
export class JobPostingPage {
  @Field(() => [JobPostingType]) items: JobPostingType[];
  @Field(() => Int) total: number;
}

@ObjectType('FlagPhrase', { description: 'A phrase reviewers are warned about; `#` in it stands for a number (#岁以下).' })
export class FlagPhraseType {
  @Field(() => ID) id: string;
  @Field() phrase: string;
  @Field() category: string;
  @Field() createdAt: Date;
}

@ObjectType('UrgentOccupation', { description: '急需紧缺职业(工种)目录 entry: postings of this occupation are marked urgentShortage.' })
export class UrgentOccupationType {
  @Field(() => ID) id: string;
  @Field() occupationCode: string;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field() createdAt: Date;
}

@ObjectType('SpotCheckItem')
export class SpotCheckItemType {
  @Field(() => ID) id: string;
  postingId: string;
  regionCode: string;
  @Field(() => SpotCheckResult, { nullable: true }) result: SpotCheckResult | null;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field(() => Date, { nullable: true }) checkedAt: Date | null;
}

@ObjectType('SpotCheck', { description: '岗位信息有效率抽查: a random sample of approved postings drawn by an organizer.' })
export class SpotCheckType {
  @Field(() => ID) id: string;
  @Field() drawnAt: Date;
  @Field(() => String, { nullable: true, description: 'The region the sample was drawn from; null = every region the drawer covers (city-wide).' })
  scopeRegionCode: string | null;
  @Field(() => Int) sampleSize: number;
  @Field(() => Int) checked: number;
  @Field(() => Int) valid: number;
  @Field(() => [SpotCheckItemType]) items: SpotCheckItemType[];
}

@ObjectType('SpotCheckPage')
export class SpotCheckPage {
  @Field(() => [SpotCheckType]) items: SpotCheckType[];
  @Field(() => Int) total: number;
}

@ObjectType('PostingValidityRate', { description: '岗位信息有效率 for a period: valid / checked of the spot-check results recorded in it.' })
export class PostingValidityRateType {
  @Field({ description: '2026-03, 2026-Q1 or 2026.' }) period: string;
  @Field(() => Int) checked: number;
  @Field(() => Int) valid: number;
  @Field(() => Float, { nullable: true, description: 'valid / checked, 0–1; null when nothing was checked.' }) rate: number | null;
}
