/**
 * Applications (投递): a seeker's application to a job posting and the employer's hiring pipeline.
 *
 *   SUBMITTED → VIEWED → INTERVIEW → OFFER → HIRED
 *        └──────────┴─────────┴────────┴──→ REJECTED (employer, reason optional)
 *        └──────────┴─────────┴──→ WITHDRAWN (seeker, before an offer)
 *
 * The employer moves an application forward (it may skip VIEWED or INTERVIEW, e.g. an interview on the
 * spot at a fair, but HIRED needs an OFFER first). HIRED, REJECTED and WITHDRAWN are final: nothing goes back.
 */
export const APPLICATION_STATUSES = ['SUBMITTED', 'VIEWED', 'INTERVIEW', 'OFFER', 'HIRED', 'REJECTED', 'WITHDRAWN'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** Where an application came from: a fair's page (with the event), the online postings, a livestream card. */
export const APPLICATION_SOURCES = ['FAIR', 'ONLINE', 'LIVESTREAM'] as const;
export type ApplicationSource = (typeof APPLICATION_SOURCES)[number];

/** The pipeline stages in order; an application that reached a stage counts in every earlier one too. */
export const APPLICATION_PIPELINE = ['SUBMITTED', 'VIEWED', 'INTERVIEW', 'OFFER', 'HIRED'] as const;
export type PipelineStage = (typeof APPLICATION_PIPELINE)[number];

export const FINAL_APPLICATION_STATUSES: readonly ApplicationStatus[] = ['HIRED', 'REJECTED', 'WITHDRAWN'];

export type ApplicationMover = 'EMPLOYER' | 'SEEKER';

const EMPLOYER_MOVES: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  SUBMITTED: ['VIEWED', 'INTERVIEW', 'OFFER', 'REJECTED'],
  VIEWED: ['INTERVIEW', 'OFFER', 'REJECTED'],
  INTERVIEW: ['OFFER', 'REJECTED'],
  OFFER: ['HIRED', 'REJECTED'],
  HIRED: [],
  REJECTED: [],
  WITHDRAWN: [],
};

const SEEKER_MOVES: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  SUBMITTED: ['WITHDRAWN'],
  VIEWED: ['WITHDRAWN'],
  INTERVIEW: ['WITHDRAWN'],
  OFFER: [],
  HIRED: [],
  REJECTED: [],
  WITHDRAWN: [],
};

const MOVES: Record<ApplicationMover, Record<ApplicationStatus, readonly ApplicationStatus[]>> = { EMPLOYER: EMPLOYER_MOVES, SEEKER: SEEKER_MOVES };

/** The statuses `by` may move an application in `from` to. */
export function nextApplicationStatuses(from: ApplicationStatus, by: ApplicationMover): readonly ApplicationStatus[] {
  return MOVES[by][from] ?? [];
}

export function canMoveApplication(from: ApplicationStatus, to: ApplicationStatus, by: ApplicationMover): boolean {
  return nextApplicationStatuses(from, by).includes(to);
}

/**
 * The statuses from which `by` may move an application to `to`: the WHERE of the one conditional
 * UPDATE that makes a move race-safe (two concurrent moves cannot both pass a stale check).
 */
export function applicationStatusesBefore(to: ApplicationStatus, by: ApplicationMover): ApplicationStatus[] {
  return APPLICATION_STATUSES.filter((from) => canMoveApplication(from, to, by));
}

export const isFinalApplicationStatus = (s: ApplicationStatus): boolean => FINAL_APPLICATION_STATUSES.includes(s);

/** Pipeline stages an application in `to` has reached (their timestamps are set when it moves there). */
export function stagesReached(to: ApplicationStatus): PipelineStage[] {
  const i = APPLICATION_PIPELINE.indexOf(to as PipelineStage);
  return i < 0 ? [] : APPLICATION_PIPELINE.slice(0, i + 1);
}

export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, { zh: string; en: string }> = {
  SUBMITTED: { zh: '已投递', en: 'Submitted' },
  VIEWED: { zh: '已查看', en: 'Viewed' },
  INTERVIEW: { zh: '面试', en: 'Interview' },
  OFFER: { zh: '录用意向', en: 'Offer' },
  HIRED: { zh: '已入职', en: 'Hired' },
  REJECTED: { zh: '不合适', en: 'Not a match' },
  WITHDRAWN: { zh: '已撤回', en: 'Withdrawn' },
};

export const APPLICATION_LIMITS = {
  coverNoteMax: 500,
  rejectionReasonMax: 200,
  introductionMax: 1000,
  sourceRefMax: 100,
} as const;
