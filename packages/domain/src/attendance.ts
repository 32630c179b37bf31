/** Attendance vocabulary shared by the API, the web and the check-in station (docs/attendance.md). */

/** The groups of section 六 of the measures, counted separately in fair statistics. */
export const SEEKER_GROUPS = ['RECENT_GRADUATE', 'VETERAN', 'DISABLED', 'RURAL_WORKER', 'HARD_TO_EMPLOY'] as const;
export type SeekerGroup = (typeof SEEKER_GROUPS)[number];

export const SEEKER_GROUP_LABELS: Record<SeekerGroup, { zh: string; en: string }> = {
  RECENT_GRADUATE: { zh: '高校毕业生', en: 'Recent graduate' },
  VETERAN: { zh: '退役军人', en: 'Veteran' },
  DISABLED: { zh: '残疾人', en: 'Person with disability' },
  RURAL_WORKER: { zh: '农村劳动力', en: 'Rural worker' },
  HARD_TO_EMPLOY: { zh: '就业困难人员', en: 'Hard-to-employ' },
};

export const REGISTRATION_STATUSES = ['REGISTERED', 'WAITLISTED', 'CANCELLED'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export const SCAN_OUTCOMES = ['ADMITTED', 'REENTRY', 'ALREADY_RECORDED', 'CONFLICT', 'INVALID_TICKET', 'WRONG_EVENT', 'NOT_REGISTERED'] as const;
export type ScanOutcome = (typeof SCAN_OUTCOMES)[number];

/** Two admissions of one ticket at different gates closer than this, one of them offline, are a conflict. */
export const CONFLICT_WINDOW_MINUTES = 10;
/** Most scans one upload may carry (a station's offline queue uploads in batches of this size). */
export const MAX_SCANS_PER_UPLOAD = 500;

/** A name as lists show it: first and last character kept (张*华), a two-character name 张*. */
export function maskName(name: string | null | undefined): string {
  const chars = [...(name ?? '').trim()];
  if (chars.length === 0) return '';
  if (chars.length === 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}
