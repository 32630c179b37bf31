import { SetMetadata } from '@nestjs/common';

export const SCHEDULED_JOB = 'leye:scheduled-job';

export interface ScheduledJobMetadata {
  /** Queue name, e.g. `events.complete-ended`. */
  name: string;
  /** Five-field cron, read in Asia/Shanghai. */
  cron: string;
  retryLimit?: number;
}

/** Marks a provider method (no arguments) as a scheduled job on the durable queue. */
export function ScheduledJob(meta: ScheduledJobMetadata) {
  return SetMetadata<string, ScheduledJobMetadata>(SCHEDULED_JOB, meta);
}
